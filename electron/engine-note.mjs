// After `npm install` on Node 20, npm has just printed EBADENGINE warnings: Electron 45 and the two
// packages it downloads its binary with (@electron/get, @electron-internal/extract-zip) declare Node
// ≥ 22.12, for require() of ES modules, which Node 20 has had since 20.19; so does @electron/fuses
// (packaging only, Node built-ins only). Say what they mean here,
// in one line right below them: on the Node this project requires they are harmless.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const atLeast = (wantMajor, wantMinor) =>
  major > wantMajor || (major === wantMajor && minor >= wantMinor);

if (major === 20 && atLeast(20, 19)) {
  console.log(
    `提示：上面关于 electron、@electron/get、@electron-internal/extract-zip、@electron/fuses 的 EBADENGINE 警告可以忽略：本项目需要 Node ^20.19 或 ≥ 22.12，它们在 Node ${process.versions.node} 上可用（见 README“环境要求”）；换用 Node 22.12 以上则没有这些警告。 (The EBADENGINE warnings above are expected on Node 20.19+; see README.)`,
  );
}
