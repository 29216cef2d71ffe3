// A program's spread over time: the first document per place that mentions it.
// :param name => '对标争先建设计划'
MATCH (p:Program)
WHERE p.name = $name OR $name IN p.aliases
MATCH (d:Document)-[:MENTIONS]->(p)
OPTIONAL MATCH (d)-[:GOVERNS]->(pl:Place)
WITH coalesce(pl.name, d.place, '全国') AS place, d
ORDER BY d.year
WITH place, collect(d)[0] AS first
RETURN place, first.year AS year, first.docRef AS document
ORDER BY year;
