const Module = require("module");
const orig = Module.prototype.require; const stack = []; const times = [];
Module.prototype.require = function (id) { const t = performance.now(); const r = orig.apply(this, arguments); times.push([performance.now() - t, id, this.filename.replace(/.*node_modules\//, "")]); return r; };
const t = performance.now(); require("ajv/dist/2020.js"); console.log("total", (performance.now() - t).toFixed(1), "files", times.length);
times.sort((a, b) => b[0] - a[0]); for (const x of times.slice(0, 25)) console.log(x[0].toFixed(1), x[1], "<", x[2]);
