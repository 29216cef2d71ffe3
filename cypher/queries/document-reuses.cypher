// Documents that reuse passages of another, strongest first, with the aligned
// passages (JSON: source in the later document, target in the earlier one).
// :param ref => '市委教育工作委员会2024年工作要点'
MATCH (later:Document)-[r:REUSES]->(earlier:Document)
WHERE later.docRef = $ref OR earlier.docRef = $ref OR later.title = $ref OR earlier.title = $ref
RETURN later.docRef AS later, later.place AS laterPlace, earlier.docRef AS earlier, earlier.place AS earlierPlace,
       r.score AS score, r.passages AS passages
ORDER BY score DESC;
