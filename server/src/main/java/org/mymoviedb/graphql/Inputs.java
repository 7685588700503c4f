package org.mymoviedb.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mymoviedb.data.NameRules;

/** Reading GraphQL input maps: which keys were given, and the references inside them. */
public final class Inputs {

    private Inputs() {
    }

    /** A by-id-or-by-name reference, as GenreRef and PersonRef give it; exactly one of id and name is set. */
    public record Ref(int index, Long id, String name) {
    }

    /**
     * Reads a list of GenreRef/PersonRef inputs at {@code field}; each bad one becomes a userError at its index.
     * Names are trimmed with inner runs of white space made single.
     */
    @SuppressWarnings("unchecked")
    public static List<Ref> refs(Object value, String field, int maxNameLength, List<UserError> errors) {
        List<Ref> refs = new ArrayList<>();
        List<Map<String, Object>> list = (List<Map<String, Object>>) value;
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> ref = list.get(i);
            Object id = ref.get("id");
            String name = ref.get("name") == null ? null : NameRules.normalise((String) ref.get("name"));
            String index = Integer.toString(i);
            if ((id == null) == (name == null)) {
                errors.add(UserError.of("VALIDATION", "Give either an id or a name", "input", field, index));
            } else if (id != null) {
                try {
                    refs.add(new Ref(i, Ids.parse(id), null));
                } catch (ApiException e) {
                    errors.add(UserError.of("NOT_FOUND", e.getMessage(), "input", field, index, "id"));
                }
            } else if (name.isEmpty()) {
                errors.add(UserError.of("REQUIRED", "A name may not be blank", "input", field, index, "name"));
            } else if (name.length() > maxNameLength) {
                errors.add(UserError.of("TOO_LONG", "A name has at most " + maxNameLength + " characters",
                        "input", field, index, "name"));
            } else {
                refs.add(new Ref(i, null, name));
            }
        }
        return refs;
    }
}
