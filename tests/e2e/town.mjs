// A small town's network as CSV files (a node list and an edge list), shared
// by the network and language browser tests, and the import that reads them.

export const NODES = `id,type,name,organization,sector,role,level
city,organization,City Hall,,government,,
bank,organization,Food Bank,,civil_society,,
shop,organization,Corner Shop,,business,,
ana,person,Ana,city,,planner,mid
ben,person,Ben,bank,,,
chloe,person,Chloé,bank,,,
dev,person,Dev,shop,,owner,senior
eve,person,Eve,shop,,,
`;

export const EDGES = `from,to,trust,kind
ana,ben,4,collaborates
ana,chloe,3,knows
ben,chloe,5,knows
ana,dev,2,knows
dev,eve,3,collaborates
city,bank,3,funds
`;

/** Chooses `files` ([name, text] pairs) in the network view's "Import network" field. */
export async function importFiles(page, files, label = 'Import network') {
  await page.getByLabel(label).setInputFiles(
    files.map(([name, text]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) })),
  );
}
