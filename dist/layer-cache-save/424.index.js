export const id = 424;
export const ids = [424];
export const modules = {

/***/ 2424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   restoreFromGitHub: () => (/* binding */ restoreFromGitHub),
/* harmony export */   saveToGitHub: () => (/* binding */ saveToGitHub)
/* harmony export */ });
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2093);
/**
 * Without a cache-repository the paths mode uses GitHub's own cache service through @actions/cache,
 * with the same inputs, so the action works with zero setup. @actions/cache reads the runner's
 * environment itself (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN); this adapter only maps the results.
 */

async function restoreFromGitHub(paths, key, restoreKeys, lookupOnly) {
    if (!_actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .isFeatureAvailable */ .w3())
        return { available: false };
    const matchedKey = await _actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .restoreCache */ .P3(paths, key, restoreKeys, { lookupOnly });
    return { available: true, matchedKey };
}
async function saveToGitHub(paths, key) {
    if (!_actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .isFeatureAvailable */ .w3())
        return { available: false, saved: false };
    const id = await _actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .saveCache */ .Io(paths, key);
    return { available: true, saved: id !== -1 };
}


/***/ })

};
