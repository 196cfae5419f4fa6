package dev.retort.engine.pool;

/** What read-only work does when an engine has replicas but none is available. */
public enum ReplicaFallback {
    /** Run it on the primary (the default): reads keep working while the replicas are down. */
    PRIMARY,
    /** Fail the checkout, naming the replicas' error: for load the primary must never take. */
    FAIL
}
