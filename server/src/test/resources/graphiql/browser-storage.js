// Everything this origin keeps in the browser that a page script can read, as one JSON object: localStorage,
// sessionStorage, document.cookie, every IndexedDB database's every object store, every Cache Storage entry.
// Run with Selenium's executeAsyncScript: the last argument is the callback.
var done = arguments[arguments.length - 1];

function entries(storage) {
  var all = {};
  for (var i = 0; i < storage.length; i++) {
    var key = storage.key(i);
    all[key] = storage.getItem(key);
  }
  return all;
}

function request(idbRequest) {
  return new Promise(function (resolve, reject) {
    idbRequest.onsuccess = function () { resolve(idbRequest.result); };
    idbRequest.onerror = function () { reject(idbRequest.error); };
  });
}

async function indexedDbContents() {
  var all = {};
  for (var info of await indexedDB.databases()) {
    var db = await request(indexedDB.open(info.name));
    for (var store of Array.from(db.objectStoreNames)) {
      var objects = db.transaction(store).objectStore(store);
      all[info.name + '/' + store] = JSON.stringify({
        keys: await request(objects.getAllKeys()),
        values: await request(objects.getAll())
      });
    }
    db.close();
  }
  return all;
}

async function cacheStorageContents() {
  var all = {};
  for (var name of await caches.keys()) {
    var cache = await caches.open(name);
    for (var cached of await cache.keys()) {
      var response = await cache.match(cached);
      all[name + ' ' + cached.url] = JSON.stringify(Array.from(cached.headers)) + ' '
          + JSON.stringify(Array.from(response.headers)) + ' ' + await response.text();
    }
  }
  return all;
}

(async function () {
  return JSON.stringify({
    localStorage: entries(window.localStorage),
    sessionStorage: entries(window.sessionStorage),
    cookies: document.cookie,
    indexedDB: await indexedDbContents(),
    cacheStorage: await cacheStorageContents()
  });
})().then(done, function (error) { done('could not read the storage: ' + error); });
