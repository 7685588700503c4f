package org.mymoviedb;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The JVM's own meters (memory pools, GC pauses, threads, loaded classes, CPU, uptime), published with the
 * service's. {@link #close()} unhooks the GC listener, which would otherwise outlive the service in a JVM that
 * starts several (the tests do).
 */
final class JvmMetrics implements AutoCloseable {

    private final JvmGcMetrics gc = new JvmGcMetrics();

    JvmMetrics(MeterRegistry metrics) {
        new JvmInfoMetrics().bindTo(metrics);
        new JvmMemoryMetrics().bindTo(metrics);
        gc.bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ClassLoaderMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
    }

    @Override
    public void close() {
        gc.close();
    }
}
