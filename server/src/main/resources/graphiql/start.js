// Starts GraphiQL against this server's /graphql. Kept out of index.html so the page's CSP can forbid inline scripts.
(function () {
  'use strict';

  var DEFAULT_QUERY = [
    '# Movies in the catalogue. To edit, sign in (the login',
    '# mutation returns a token) and put this in Headers below:',
    '# {"Authorization": "Bearer <token>"}',
    '{',
    '  movies(first: 5) {',
    '    totalCount',
    '    edges {',
    '      node {',
    '        title',
    '        releaseDate',
    '        rating',
    '        genres { name }',
    '      }',
    '    }',
    '  }',
    '}',
    ''
  ].join('\n');

  var params = new URLSearchParams(window.location.search);

  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: window.location.origin + '/graphql' }),
    defaultQuery: DEFAULT_QUERY,
    // ?query=... opens a shared query instead of the last one edited.
    query: params.get('query') || undefined,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: 'headers',
    // A bearer token must not outlive the tab: no header is ever stored, not even in the history.
    shouldPersistHeaders: false,
    storage: HeaderlessStorage
  }));

  // ?run=1 runs the query once on load (the README screenshot shows a result this way).
  if (params.get('run') === '1') {
    runWhenReady();
  }

  function runWhenReady() {
    var button = document.querySelector('.graphiql-execute-button');
    if (button && document.querySelector('.graphiql-query-editor .CodeMirror')) {
      button.click();
    } else {
      setTimeout(runWhenReady, 50);
    }
  }
})();
