package org.cephsync.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.util.TreeMap;
import org.cephsync.inventory.InventoryJson;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.inventory.InventoryRow;
import org.cephsync.inventory.ProxmoxEndpoint;

/**
 * Read queries over the inventory with netbox-ceph's filters: any plain field by its snake_case name
 * (repeat a parameter to match any of several values), and {@code q} for a case-insensitive name search.
 */
@ApplicationScoped
public class InventoryQueries {

    private static final List<Class<?>> FILTERABLE = List.of(String.class, Integer.class, Long.class,
            Double.class, Boolean.class, int.class, long.class, double.class, boolean.class);

    @PersistenceContext
    EntityManager em;

    /** A filter on a field, or a bad value for one. */
    public static class BadFilterException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadFilterException(String message) {
            super(message);
        }
    }

    /** One page of rows and how many rows match in all. */
    public record Listing(long count, List<JsonObject> rows) {
    }

    /** A row as the target (main, or a branch over main) sees it. */
    public Optional<JsonObject> find(InventoryModel model, long id, WriteTarget target) {
        if (target.isBranch()) {
            List<BranchChange> changes = em.createQuery("SELECT c FROM BranchChange c WHERE c.branchId = :branch AND c.model = :model AND c.objectId = :id", BranchChange.class)
                    .setParameter("branch", target.branchId()).setParameter("model", model.path()).setParameter("id", id)
                    .getResultList();
            if (!changes.isEmpty()) {
                return Optional.ofNullable(changes.get(0).getModified());
            }
        }
        return Optional.ofNullable(em.find(model.entity(), id)).map(InventoryJson::toJson);
    }

    /**
     * Rows of a model matching netbox-ceph filters. Main is queried in the database; a branch's view (main
     * overlaid with the branch's changes) is built and filtered in memory.
     */
    public Listing list(InventoryModel model, Map<String, List<String>> filters, int offset, int limit, WriteTarget target) {
        Where where = where(model, filters);
        if (target.isBranch()) {
            List<JsonObject> view = branchView(model, where, target).stream().filter(row -> matches(row, filters)).toList();
            return new Listing(view.size(), view.subList(Math.min(offset, view.size()), Math.min(offset + limit, view.size())));
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(r) FROM " + model.entityName() + " r" + where.jpql, Long.class);
        where.parameters.forEach(count::setParameter);
        TypedQuery<? extends InventoryRow> page = em.createQuery("SELECT r FROM " + model.entityName() + " r"
                + where.jpql + " ORDER BY r.id", model.entity());
        where.parameters.forEach(page::setParameter);
        List<JsonObject> rows = page.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(InventoryJson::toJson).toList();
        return new Listing(count.getSingleResult(), rows);
    }

    /**
     * Main's rows of the model overlaid with the branch's changes, in id order. Main is narrowed by the
     * filters already (a main row that does not match and that the branch did not change cannot match);
     * the branch's rows are filtered by the caller.
     */
    private List<JsonObject> branchView(InventoryModel model, Where where, WriteTarget target) {
        Map<Long, BranchChange> changes = new HashMap<>();
        em.createQuery("SELECT c FROM BranchChange c WHERE c.branchId = :branch AND c.model = :model", BranchChange.class)
                .setParameter("branch", target.branchId()).setParameter("model", model.path())
                .getResultList().forEach(c -> changes.put(c.getObjectId(), c));
        TreeMap<Long, JsonObject> view = new TreeMap<>();
        TypedQuery<? extends InventoryRow> main = em.createQuery("SELECT r FROM " + model.entityName() + " r" + where.jpql, model.entity());
        where.parameters.forEach(main::setParameter);
        main.getResultList().forEach(row -> view.put(row.getId(), InventoryJson.toJson(row)));
        for (BranchChange change : changes.values()) {
            if (BranchChange.DELETE.equals(change.getAction())) {
                view.remove(change.getObjectId());
            } else {
                view.put(change.getObjectId(), change.getModified());
            }
        }
        return new ArrayList<>(view.values());
    }

    /** The in-memory form of the filters {@link #where} turns into JPQL. */
    private static boolean matches(JsonObject row, Map<String, List<String>> filters) {
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            if ("q".equals(filter.getKey())) {
                String name = row.getString("name", "");
                if (!name.toLowerCase(Locale.ROOT).contains(filter.getValue().get(0).toLowerCase(Locale.ROOT))) {
                    return false;
                }
                continue;
            }
            JsonValue value = row.get(filter.getKey());
            if (value == null || value instanceof JsonStructure) {
                continue;
            }
            String text = value instanceof JsonString s ? s.getString() : value.toString();
            boolean any = filter.getValue().stream().anyMatch(wanted -> wanted.equals(text)
                    || (value.getValueType() == JsonValue.ValueType.TRUE && wanted.equals("1"))
                    || (value.getValueType() == JsonValue.ValueType.FALSE && wanted.equals("0")));
            if (!any) {
                return false;
            }
        }
        return true;
    }

    public long countEndpoints() {
        return em.createQuery("SELECT COUNT(e) FROM ProxmoxEndpoint e", Long.class).getSingleResult();
    }

    public List<ProxmoxEndpoint> endpoints(int offset, int limit) {
        return em.createQuery("SELECT e FROM ProxmoxEndpoint e ORDER BY e.id", ProxmoxEndpoint.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    private record Where(String jpql, Map<String, Object> parameters) {
    }

    private Where where(InventoryModel model, Map<String, List<String>> filters) {
        EntityType<? extends InventoryRow> type = em.getMetamodel().entity(model.entity());
        List<String> clauses = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            String name = filter.getKey();
            if ("q".equals(name)) {
                clauses.add("LOWER(r.name) LIKE :q");
                parameters.put("q", "%" + filter.getValue().get(0).toLowerCase(Locale.ROOT) + "%");
                continue;
            }
            Optional<Attribute<?, ?>> attribute = attribute(type, name);
            if (attribute.isEmpty()) {
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (String raw : filter.getValue()) {
                values.add(convert(name, raw, attribute.get().getJavaType()));
            }
            String parameter = "p" + n++;
            clauses.add("r." + attribute.get().getName() + " IN :" + parameter);
            parameters.put(parameter, values);
        }
        return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), parameters);
    }

    private static Optional<Attribute<?, ?>> attribute(EntityType<?> type, String snakeName) {
        String camel = camel(snakeName);
        return type.getAttributes().stream()
                .filter(a -> a.getName().equals(camel))
                .filter(a -> FILTERABLE.contains(a.getJavaType()))
                .filter(a -> !(a.getJavaMember() instanceof java.lang.reflect.Field f && (f.isAnnotationPresent(jakarta.persistence.Lob.class)
                        || f.isAnnotationPresent(jakarta.json.bind.annotation.JsonbTransient.class))))
                .<Attribute<?, ?>>map(a -> a)
                .findFirst();
    }

    private static String camel(String snake) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static Object convert(String name, String raw, Class<?> javaType) {
        try {
            if (javaType == Integer.class || javaType == int.class) {
                return Integer.valueOf(raw.trim());
            }
            if (javaType == Long.class || javaType == long.class) {
                return Long.valueOf(raw.trim());
            }
            if (javaType == Double.class || javaType == double.class) {
                return Double.valueOf(raw.trim());
            }
            if (javaType == Boolean.class || javaType == boolean.class) {
                String v = raw.trim().toLowerCase(Locale.ROOT);
                if (v.equals("true") || v.equals("1")) {
                    return Boolean.TRUE;
                }
                if (v.equals("false") || v.equals("0")) {
                    return Boolean.FALSE;
                }
                throw new NumberFormatException();
            }
            return raw;
        } catch (NumberFormatException e) {
            throw new BadFilterException("filter " + name + ": \"" + raw + "\" is not a valid "
                    + javaType.getSimpleName().toLowerCase(Locale.ROOT));
        }
    }
}
