package dk.sosi.sts.monitor;

import dk.sosi.sts.ServiceInfoCollector;

/**
 * Thread-safe. An external service whose calls the STS records, so that monitoring can report on
 * them: the {@code Monitored…} backend decorators implement it, and an
 * {@link ExternalServiceFailureCheck} reads it.
 */
public interface MonitoredService {

    /** The service as an operator knows it, e.g. {@code CVR-RID service}. */
    String name();

    /** The calls to this service: its own collector, never shared with another service. */
    ServiceInfoCollector serviceInfo();
}
