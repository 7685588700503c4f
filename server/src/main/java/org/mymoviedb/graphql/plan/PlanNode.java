package org.mymoviedb.graphql.plan;

import graphql.language.Field;
import java.util.List;

/**
 * One object's selection in an execution plan: the fields merged by response key, in the order graphql-java
 * would answer them, each with the selection it reads (null for a leaf).
 */
record PlanNode(String type, List<Selected> fields) {

    /** A response key, the field it answers, and (for Query's fields) the first AST field, whose arguments count. */
    record Selected(String key, PlannedField field, PlanNode selection, Field ast) {
    }

    /** Whether this selection itself asks for {@code field}. */
    boolean selects(PlannedField field) {
        for (Selected selected : fields) {
            if (selected.field() == field) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code field} is asked for anywhere under this selection. */
    boolean reaches(PlannedField field) {
        for (Selected selected : fields) {
            if (selected.field() == field || selected.selection() != null && selected.selection().reaches(field)) {
                return true;
            }
        }
        return false;
    }

    /** How many fields the plan holds, for weighing it in the plan cache. */
    int size() {
        int size = 1;
        for (Selected selected : fields) {
            size += selected.selection() == null ? 1 : selected.selection().size();
        }
        return size;
    }
}
