package org.mymoviedb.graphql.plan;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a validated query operation into a {@link PlanNode} tree, collecting fields as graphql-java's
 * FieldCollector does (fragments, inline fragments, {@code @skip}/{@code @include}, merging by response key), for
 * one set of values of the variables those directives read. Anything the plan cannot answer makes the whole
 * operation unplannable: null, and graphql-java runs it.
 */
final class PlanCompiler {

    /** Thrown inside the compiler when a selection has no plan; never leaves it. */
    private static final class Unplannable extends RuntimeException {
        Unplannable() {
            super(null, null, false, false);
        }
    }

    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;

    private PlanCompiler(Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        this.fragments = fragments;
        this.variables = variables;
    }

    /** The plan of {@code operation} for these (coerced) variables, or null when graphql-java must run it. */
    static PlanNode compile(OperationDefinition operation, Map<String, FragmentDefinition> fragments,
                            Map<String, Object> variables) {
        if (operation.getOperation() != OperationDefinition.Operation.QUERY || !operation.getDirectives().isEmpty()) {
            return null;
        }
        try {
            return new PlanCompiler(fragments, variables).node("Query", List.of(operation.getSelectionSet()));
        } catch (Unplannable e) {
            return null;
        }
    }

    /** The variables any {@code @skip}/{@code @include} of the document reads: a plan holds for one set of values. */
    static List<String> conditionVariables(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
        Set<String> names = new LinkedHashSet<>();
        conditionVariables(operation.getSelectionSet(), names);
        fragments.values().forEach(fragment -> conditionVariables(fragment.getSelectionSet(), names));
        return List.copyOf(names);
    }

    private static void conditionVariables(SelectionSet selectionSet, Set<String> names) {
        if (selectionSet == null) {
            return;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            List<Directive> directives = selection instanceof Field f ? f.getDirectives()
                    : selection instanceof InlineFragment i ? i.getDirectives()
                    : ((FragmentSpread) selection).getDirectives();
            for (Directive directive : directives) {
                for (Argument argument : directive.getArguments()) {
                    if (argument.getValue() instanceof VariableReference variable) {
                        names.add(variable.getName());
                    }
                }
            }
            if (selection instanceof Field f) {
                conditionVariables(f.getSelectionSet(), names);
            } else if (selection instanceof InlineFragment i) {
                conditionVariables(i.getSelectionSet(), names);
            }
        }
    }

    private PlanNode node(String type, List<SelectionSet> selectionSets) {
        Map<String, List<Field>> byKey = new LinkedHashMap<>();
        Set<String> visitedFragments = new HashSet<>();
        for (SelectionSet selectionSet : selectionSets) {
            collect(selectionSet, type, byKey, visitedFragments);
        }
        List<PlanNode.Selected> fields = new ArrayList<>(byKey.size());
        for (Map.Entry<String, List<Field>> entry : byKey.entrySet()) {
            Field first = entry.getValue().get(0);
            PlannedField field = PlannedField.of(type, first.getName());
            if (field == null || (field != PlannedField.MOVIES && field != PlannedField.MOVIE
                    && !first.getArguments().isEmpty())) {
                throw new Unplannable();
            }
            PlanNode selection = null;
            if (field.selectionType != null) {
                selection = node(field.selectionType, entry.getValue().stream().map(Field::getSelectionSet).toList());
            }
            fields.add(new PlanNode.Selected(entry.getKey(), field, selection, first));
        }
        return new PlanNode(type, List.copyOf(fields));
    }

    private void collect(SelectionSet selectionSet, String type, Map<String, List<Field>> byKey,
                         Set<String> visitedFragments) {
        if (selectionSet == null) {
            throw new Unplannable();
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                if (included(field.getDirectives())) {
                    byKey.computeIfAbsent(field.getResultKey(), k -> new ArrayList<>()).add(field);
                }
            } else if (selection instanceof InlineFragment inline) {
                if (included(inline.getDirectives())) {
                    if (inline.getTypeCondition() != null && !inline.getTypeCondition().getName().equals(type)) {
                        throw new Unplannable();
                    }
                    collect(inline.getSelectionSet(), type, byKey, visitedFragments);
                }
            } else if (selection instanceof FragmentSpread spread) {
                // In graphql-java's order: a fragment already visited is skipped before its directives are read.
                if (visitedFragments.contains(spread.getName()) || !included(spread.getDirectives())) {
                    continue;
                }
                visitedFragments.add(spread.getName());
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment == null || !fragment.getDirectives().isEmpty()
                        || !fragment.getTypeCondition().getName().equals(type)) {
                    throw new Unplannable();
                }
                collect(fragment.getSelectionSet(), type, byKey, visitedFragments);
            } else {
                throw new Unplannable();
            }
        }
    }

    /** {@code @skip} and {@code @include} as graphql-java reads them; any other directive is not planned. */
    private boolean included(List<Directive> directives) {
        boolean skip = false;
        boolean include = true;
        for (Directive directive : directives) {
            if (directive.getName().equals("skip")) {
                skip |= condition(directive);
            } else if (directive.getName().equals("include")) {
                include &= condition(directive);
            } else {
                throw new Unplannable();
            }
        }
        return !skip && include;
    }

    private boolean condition(Directive directive) {
        Argument argument = directive.getArgument("if");
        Value<?> value = argument == null ? null : argument.getValue();
        if (value instanceof BooleanValue literal) {
            return literal.isValue();
        }
        if (value instanceof VariableReference variable && variables.get(variable.getName()) instanceof Boolean b) {
            return b;
        }
        throw new Unplannable();
    }
}
