// The tables `npm run topics` writes (created in store.ts). The web app reads them only when all
// exist (src/lib/server/queries/topics.ts); other features read complaint_themes, topic_clusters and
// topic_spikes, so the names are part of the warehouse's interface.
export const TOPIC_TABLES = ['topic_clusters', 'complaint_topics', 'topic_examples', 'complaint_themes', 'topic_fit', 'topic_terms', 'topic_spikes'] as const;
