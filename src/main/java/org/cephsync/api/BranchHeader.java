package org.cephsync.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cephsync.store.Branches;
import org.cephsync.store.WriteTarget;

/** netbox-branching's {@code X-NetBox-Branch} header: which branch's view a read sees (none = main). */
@ApplicationScoped
public class BranchHeader {

    public static final String NAME = "X-NetBox-Branch";

    @Inject
    Branches branches;

    public WriteTarget target(String schemaId) {
        if (schemaId == null || schemaId.isBlank()) {
            return WriteTarget.MAIN;
        }
        return branches.bySchemaId(schemaId.trim()).map(b -> new WriteTarget(b.getId()))
                .orElseThrow(() -> ApiException.badRequest("Invalid branch identifier"));
    }
}
