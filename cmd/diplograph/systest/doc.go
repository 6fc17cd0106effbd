// Package systest holds diplograph's system tests: the three services run
// as real processes against a real NATS JetStream (in-process servers the
// test can restart, or a 3-node cluster) and a Neo4j instance of their own,
// while the tests kill processes, restart NATS and stop Neo4j, and then
// check that nothing was lost or duplicated.
package systest
