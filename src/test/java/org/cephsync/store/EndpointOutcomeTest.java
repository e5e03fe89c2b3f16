package org.cephsync.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointOutcomeTest {

    @Test
    void anEndpointIsCompleteOnlyOnceItsRowsAreWritten() {
        EndpointOutcome fetched = EndpointOutcome.fetched(3, "pve-a", 42);
        assertFalse(fetched.complete());
        assertFalse(fetched.failed());

        EndpointOutcome written = fetched.completed();
        assertTrue(written.complete());
        assertEquals(42, written.fetched());
        assertTrue(EndpointOutcome.failed(3, "pve-a", "401 Unauthorized").failed());
    }

    @Test
    void outcomesSurviveTheirTextFormAndALaterOutcomeReplacesAnEarlierOne() {
        List<EndpointOutcome> outcomes = List.of(EndpointOutcome.failed(1, "pve-a", "timeout"), EndpointOutcome.fetched(2, "pve-b", 7));

        List<EndpointOutcome> read = EndpointOutcome.fromText(EndpointOutcome.toText(outcomes));
        assertEquals(outcomes, read);

        List<EndpointOutcome> retried = EndpointOutcome.replace(read, EndpointOutcome.fetched(1, "pve-a", 5));
        assertEquals(List.of(EndpointOutcome.fetched(2, "pve-b", 7), EndpointOutcome.fetched(1, "pve-a", 5)), retried);
    }
}
