// What a document references, with the sentence of each citation.
// :param ref => '市教卫工作党委关于新时代基层党建质量提升工程的实施意见'
MATCH (d:Document)
WHERE d.docRef = $ref OR d.title = $ref OR d.docNumber = $ref
MATCH (d)-[r:REFERENCES]->(reg:Regulation)
OPTIONAL MATCH (issuer:Organization)-[:ISSUES]->(reg)
RETURN reg.name AS regulation, issuer.name AS issuedBy, r.sentence AS evidence;
