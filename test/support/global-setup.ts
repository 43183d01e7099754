export default function setup(): void {
  const major = Number(process.versions.node.split('.')[0]);
  console.log(`gantry tests on node ${process.version}`);
  if (major < 24)
    throw new Error(
      `The suite runs on Node 24 (the actions' runtime); got ${process.version}. Run through npm scripts.`,
    );
}
