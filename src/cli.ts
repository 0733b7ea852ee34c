// CLI entry. Placeholder until the core issue lands.
process.stderr.write('ml-lca: not implemented yet\n');
process.exit(2);
