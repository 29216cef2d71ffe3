// Who adopts before whom, across every program: for each ordered pair of places, the
// programs (with their variants, counted as the family's root) that the first place took
// up before the second within three years. Raw counts; `diffusionNetwork` in GraphQL also
// discounts what a shared parent explains.
// :param minPrograms => 2
MATCH (d:Document)-[:MENTIONS]->(p:Program)
WHERE d.year IS NOT NULL
OPTIONAL MATCH (p)-[:VARIANT_OF*1..3]->(root:Program)
WHERE NOT (root)-[:VARIANT_OF]->(:Program)
WITH coalesce(root, p) AS family, coalesce(d.place, '全国') AS place, min(d.year) AS year
WITH family, collect({place: place, year: year}) AS firsts
UNWIND firsts AS a
UNWIND firsts AS b
WITH family, a, b
WHERE a.place <> b.place AND a.year < b.year AND b.year - a.year <= 3
WITH a.place AS leader, b.place AS follower, collect(family.name) AS programs
WHERE size(programs) >= $minPrograms
RETURN leader, follower, size(programs) AS count, programs
ORDER BY count DESC, leader, follower;
