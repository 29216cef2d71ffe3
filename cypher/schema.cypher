// policy-kg schema for Neo4j 5. Applied at connect by the Neo4j store; every
// statement is idempotent (IF NOT EXISTS). Labels follow src/graph/model.ts.
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT program_id IF NOT EXISTS FOR (n:Program) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT regulation_id IF NOT EXISTS FOR (n:Regulation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT target_id IF NOT EXISTS FOR (n:Target) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE INDEX document_source IF NOT EXISTS FOR (n:Document) ON (n.source);
CREATE INDEX document_year IF NOT EXISTS FOR (n:Document) ON (n.year);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX program_name IF NOT EXISTS FOR (n:Program) ON (n.name);
CREATE INDEX regulation_name IF NOT EXISTS FOR (n:Regulation) ON (n.name);
CREATE INDEX target_name IF NOT EXISTS FOR (n:Target) ON (n.name);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
// Relationships carry the document they were read from; re-ingesting a document deletes them by it.
CREATE INDEX rel_issues_doc IF NOT EXISTS FOR ()-[r:ISSUES]-() ON (r.docId);
CREATE INDEX rel_supervises_doc IF NOT EXISTS FOR ()-[r:SUPERVISES]-() ON (r.docId);
CREATE INDEX rel_references_doc IF NOT EXISTS FOR ()-[r:REFERENCES]-() ON (r.docId);
CREATE INDEX rel_implements_doc IF NOT EXISTS FOR ()-[r:IMPLEMENTS]-() ON (r.docId);
CREATE INDEX rel_part_of_doc IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.docId);
CREATE INDEX rel_variant_of_doc IF NOT EXISTS FOR ()-[r:VARIANT_OF]-() ON (r.docId);
CREATE INDEX rel_sets_target_doc IF NOT EXISTS FOR ()-[r:SETS_TARGET]-() ON (r.docId);
CREATE INDEX rel_governs_doc IF NOT EXISTS FOR ()-[r:GOVERNS]-() ON (r.docId);
CREATE INDEX rel_located_in_doc IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.docId);
CREATE INDEX rel_mentions_doc IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.docId);
CREATE INDEX rel_describes_doc IF NOT EXISTS FOR ()-[r:DESCRIBES]-() ON (r.docId);
CREATE INDEX rel_reuses_doc IF NOT EXISTS FOR ()-[r:REUSES]-() ON (r.docId);
// Chinese-aware full-text search over names and aliases.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Organization|Program|Regulation|Target|Place|Document) ON EACH [n.name, n.names, n.title]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
