// A program and its local variants (平安江苏建设 VARIANT_OF 平安中国建设), with the rule
// and the sentence that linked each, and the documents that adopted each variant.
// :param name => '健康中国行动'
MATCH (p:Program)
WHERE p.name = $name OR $name IN p.aliases
MATCH chain = (v:Program)-[:VARIANT_OF*1..3]->(p)
WITH p, v, last(relationships(chain)) AS link, length(chain) AS hops
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(v)
RETURN p.name AS program, v.name AS variant, v.place AS place, hops,
       link.rule AS rule, link.sentence AS evidence,
       collect(DISTINCT coalesce(d.date, toString(d.year)) + ' ' + d.docRef) AS documents
ORDER BY hops, variant;
