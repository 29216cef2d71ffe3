// What an organisation issued and supervises.
// :param name => '中共上海市教育卫生工作委员会'
MATCH (o:Organization)
WHERE o.name = $name OR $name IN o.aliases
OPTIONAL MATCH (o)-[i:ISSUES]->(x)
OPTIONAL MATCH (o)-[:SUPERVISES]->(s:Organization)
RETURN o.name AS organization, collect(DISTINCT coalesce(x.name, x.docRef)) AS issued, collect(DISTINCT s.name) AS supervises;
