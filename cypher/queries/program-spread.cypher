// A program's spread over time: the first document per place that mentions it or
// one of its local variants. Year-only dates order by year; `policy-kg trace`
// keeps the ranges and says which steps the dates do not decide.
// :param name => '对标争先建设计划'
MATCH (p:Program)
WHERE p.name = $name OR $name IN p.aliases
OPTIONAL MATCH (v:Program)-[:VARIANT_OF*1..3]->(p)
WITH p, collect(DISTINCT v) + [p] AS family
UNWIND family AS member
MATCH (d:Document)-[:MENTIONS]->(member)
OPTIONAL MATCH (d)-[:GOVERNS]->(pl:Place)
WITH coalesce(pl.name, d.place, '全国') AS place, d, member
ORDER BY coalesce(d.date, toString(d.year))
WITH place, collect({doc: d, as: member.name})[0] AS first
RETURN place, first.doc.year AS year, first.doc.docRef AS document, first.as AS adoptedAs
ORDER BY year;
