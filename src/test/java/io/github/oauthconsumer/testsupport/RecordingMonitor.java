package io.github.oauthconsumer.testsupport;

import io.github.oauthconsumer.monitoring.Monitor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Monitor} that writes down each report as a line, for tests of what the capabilities report. */
public final class RecordingMonitor implements Monitor {

    private final List<String> reports = new CopyOnWriteArrayList<>();

    /** The reports so far, in order: {@code validated <name> <outcome>}, {@code flow <name> <event>}, ... */
    public List<String> reports() {
        return List.copyOf(reports);
    }

    @Override
    public void validated(String consumer, String outcome) {
        reports.add("validated " + consumer + " " + outcome);
    }

    @Override
    public void flow(String consumer, FlowEvent event) {
        reports.add("flow " + consumer + " " + event);
    }

    @Override
    public void renewal(String consumer, boolean succeeded) {
        reports.add("renewal " + consumer + " " + (succeeded ? "done" : "failed"));
    }

    @Override
    public ProviderCall providerCall(String consumer, Endpoint endpoint, String method, String host, int port) {
        String call = "call " + consumer + " " + endpoint + " " + method + " " + host + ":" + port + " ";
        return new ProviderCall() {
            @Override
            public void answered(int status) {
                reports.add(call + status);
            }

            @Override
            public void failed(boolean timedOut) {
                reports.add(call + (timedOut ? "timeout" : "unreachable"));
            }
        };
    }
}
