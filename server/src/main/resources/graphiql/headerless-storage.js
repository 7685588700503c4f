// GraphiQL's storage on this page: localStorage without request headers. A header here is a bearer token, and
// GraphiQL 2 writes the headers of every run into its history ("graphiql:queries", "graphiql:favorites") even with
// shouldPersistHeaders: false, so clicking an entry after a reload would put the token back. Queries, variables and
// the rest of GraphiQL's state still persist.
var HeaderlessStorage = (function () {
  'use strict';

  var NAMESPACE = 'graphiql:';
  // The Headers editor's own text: never kept.
  var HEADERS_KEY = NAMESPACE + 'headers';
  // The query and variables editors' text, kept as typed (variables may well have a variable named "headers").
  var EDITOR_TEXT_KEYS = [NAMESPACE + 'query', NAMESPACE + 'variables'];

  // The value to keep for key, or null to keep nothing. GraphiQL's other values are either plain text or JSON
  // whose records (history entries, tabs) carry the headers as a "headers" string: those properties are dropped.
  function withoutHeaders(key, value) {
    if (key === HEADERS_KEY || value === null || value === undefined) {
      return null;
    }
    if (EDITOR_TEXT_KEYS.indexOf(key) !== -1) {
      return value;
    }
    var parsed;
    try {
      parsed = JSON.parse(value);
    } catch (notJson) {
      return value;
    }
    return JSON.stringify(parsed, function (name, field) {
      return name === 'headers' ? undefined : field;
    });
  }

  function namespacedKeys() {
    var keys = [];
    for (var i = 0; i < window.localStorage.length; i++) {
      var key = window.localStorage.key(i);
      if (key !== null && key.indexOf(NAMESPACE) === 0) {
        keys.push(key);
      }
    }
    return keys;
  }

  function setItem(key, value) {
    var kept = withoutHeaders(key, String(value));
    if (kept === null) {
      window.localStorage.removeItem(key);
    } else {
      window.localStorage.setItem(key, kept);
    }
  }

  // Tokens an earlier version of this page left behind are erased before GraphiQL reads anything.
  namespacedKeys().forEach(function (key) {
    setItem(key, window.localStorage.getItem(key));
  });

  // The interface GraphiQL's `storage` prop takes (@graphiql/toolkit's Storage): localStorage's, limited to
  // GraphiQL's namespace as its default storage is.
  return {
    getItem: function (key) {
      var value = window.localStorage.getItem(key);
      return value === null ? null : withoutHeaders(key, value);
    },
    setItem: setItem,
    removeItem: function (key) {
      window.localStorage.removeItem(key);
    },
    clear: function () {
      namespacedKeys().forEach(function (key) {
        window.localStorage.removeItem(key);
      });
    },
    get length() {
      return namespacedKeys().length;
    }
  };
})();
