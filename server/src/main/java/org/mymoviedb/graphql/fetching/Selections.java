package org.mymoviedb.graphql.fetching;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;

/**
 * Whether a field's own selection asks for a sub-field, read straight from the document (through fragments).
 * {@code env.getSelectionSet()} would answer too, but it first builds the normalized form of the whole
 * operation, on every request; this looks only at the field's own selection. A sub-field that a directive
 * skips still counts: the worst case is an unneeded count, never a missing one.
 */
public final class Selections {

    private Selections() {
    }

    public static boolean selects(DataFetchingEnvironment env, String fieldName) {
        Map<String, FragmentDefinition> fragments = env.getFragmentsByName();
        for (Field field : env.getMergedField().getFields()) {
            if (selects(field.getSelectionSet(), fieldName, fragments, 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean selects(SelectionSet selectionSet, String fieldName,
                                   Map<String, FragmentDefinition> fragments, int depth) {
        // Validation refuses fragment cycles; the depth bound only keeps this safe on its own.
        if (selectionSet == null || depth > fragments.size()) {
            return false;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                if (field.getName().equals(fieldName)) {
                    return true;
                }
            } else if (selection instanceof InlineFragment inline) {
                if (selects(inline.getSelectionSet(), fieldName, fragments, depth)) {
                    return true;
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null && selects(fragment.getSelectionSet(), fieldName, fragments, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
