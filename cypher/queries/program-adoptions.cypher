// Every adoption of a program and of its local variants, oldest first: the place,
// the document, the variant it was adopted as (null for the program itself), and the
// sentence that shows what the document does with it (the graph's view of
// `policy-kg trace`; the CLI also reads instruments named for the program).
// :param name => '对标争先建设计划'
MATCH (p:Program)
WHERE p.name = $name OR $name IN p.aliases
OPTIONAL MATCH (v:Program)-[:VARIANT_OF*1..3]->(p)
WITH p, collect(DISTINCT v) + [p] AS family
UNWIND family AS member
MATCH (d:Document)-[m:MENTIONS]->(member)
OPTIONAL MATCH (d)-[i:IMPLEMENTS]->(member)
RETURN coalesce(d.place, '全国') AS place, d.level AS level, coalesce(d.date, toString(d.year)) AS date,
       CASE WHEN member = p THEN null ELSE member.name END AS variant,
       d.issuers AS issuers, d.docRef AS document, d.placeInferred AS placeInferred,
       coalesce(i.sentence, m.sentence) AS evidence
ORDER BY date;
