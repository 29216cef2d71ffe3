// Every adoption of a program, oldest first: the place, the document, and the
// sentence that shows what the document does with it (the graph's view of
// `policy-kg trace`; the CLI also reads instruments named for the program).
// :param name => '对标争先建设计划'
MATCH (p:Program)
WHERE p.name = $name OR $name IN p.aliases
MATCH (d:Document)-[m:MENTIONS]->(p)
OPTIONAL MATCH (d)-[i:IMPLEMENTS]->(p)
RETURN coalesce(d.place, '全国') AS place, d.level AS level, coalesce(d.date, toString(d.year)) AS date,
       d.issuers AS issuers, d.docRef AS document, d.placeInferred AS placeInferred,
       coalesce(i.sentence, m.sentence) AS evidence
ORDER BY date;
