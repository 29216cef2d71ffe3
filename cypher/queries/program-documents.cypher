// A program's documents and places: who adopts it, where, when.
// :param name => '攀登计划'
MATCH (p:Program)
WHERE p.name = $name OR $name IN p.aliases
MATCH (d:Document)-[m:MENTIONS]->(p)
OPTIONAL MATCH (d)-[:GOVERNS]->(pl:Place)
OPTIONAL MATCH (d)-[i:IMPLEMENTS]->(p)
RETURN d.docRef AS document, d.year AS year, pl.name AS place, i IS NOT NULL AS implements, m.sentence AS evidence
ORDER BY year;
