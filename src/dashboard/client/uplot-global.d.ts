// uPlot is loaded by its own <script> (assets/uPlot.iife.min.js) and used as the global `uPlot`;
// its types come from the package (a UMD declaration, hence allowUmdGlobalAccess).
/// <reference path="../../../node_modules/uplot/dist/uPlot.d.ts" />
