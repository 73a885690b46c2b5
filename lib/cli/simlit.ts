#!/usr/bin/env node
/** The `simlit` command line (contract in DESIGN.md): `npm run --silent simlit -- COMMAND ...`. */
import { parseArgs, UsageError, type ParsedArgs } from './args';
import * as scrape from './commands/scrape';
import * as exportCommand from './commands/export';
import * as evalCommand from './commands/eval';

interface Command {
  usage: string;
  run(args: ParsedArgs): void | Promise<void>;
}

const COMMANDS: Record<string, Command> = { eval: evalCommand, export: exportCommand, scrape };

function help(): string {
  return ['usage: simlit COMMAND [options]', ...Object.values(COMMANDS).map((command) => `  ${command.usage}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`${name && name !== '--help' ? `simlit: unknown command "${name}"\n` : ''}${help()}\n`);
    return name === '--help' ? 0 : 2;
  }
  try {
    await command.run(parseArgs(rest));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`simlit ${name}: ${error.message}\nusage: ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`simlit ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
