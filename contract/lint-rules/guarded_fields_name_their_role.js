// A graphql-schema-linter rule of ours: a client developer reading the docs (GraphiQL, generated types) must see
// who may call a field without reading the directives, so the description says it in words.
"use strict";

const { ValidationError } = require("graphql-schema-linter/lib/validation_error");

const ROOT_TYPES = new Set(["Query", "Mutation", "Subscription"]);

function requiredRole(field) {
  const auth = (field.directives || []).find((d) => d.name.value === "auth");
  if (!auth) return null;
  const requires = (auth.arguments || []).find((a) => a.name.value === "requires");
  return requires && requires.value.kind === "EnumValue" ? requires.value.value : null;
}

// Every field with @auth(requires: ROLE) names ROLE in its description; every root field without it says it is public.
function GuardedFieldsNameTheirRole(configuration, context) {
  return {
    FieldDefinition(node, key, parent, path, ancestors) {
      const owner = ancestors[ancestors.length - 1].name.value;
      const description = node.description ? node.description.value : "";
      const role = requiredRole(node);
      if (role !== null) {
        if (new RegExp(`\\b${role}\\b`).test(description)) return;
        context.reportError(new ValidationError("guarded-fields-name-their-role",
          `The field \`${owner}.${node.name.value}\` requires ${role} (@auth) but its description does not say so.`,
          [node]));
      } else if (ROOT_TYPES.has(owner) && !/\bpublic\b/i.test(description)) {
        context.reportError(new ValidationError("guarded-fields-name-their-role",
          `The root field \`${owner}.${node.name.value}\` has no @auth, so its description must say it is public.`,
          [node]));
      }
    },
  };
}

module.exports = { GuardedFieldsNameTheirRole };
