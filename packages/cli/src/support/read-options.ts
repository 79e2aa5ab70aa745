import { type Command, Option } from 'commander';

/**
 * Adds the reader options shared by every command that reads bar files. `symbol: false`
 * leaves out `--symbol` for commands that define their own.
 */
export function withReadOptions(command: Command, options: { symbol?: boolean } = {}): Command {
  command
    .addOption(new Option('--format <format>', 'input format').choices(['auto', 'csv', 'json', 'ndjson']))
    .option('--delimiter <char>', 'field delimiter (auto-detected; "tab" for tabs)')
    .option('--header', 'the first line is a header')
    .option('--no-header', 'the file has no header line')
    .option(
      '--map <mapping>',
      'explicit columns, e.g. time=Date,open=O,high=H,low=L,close=C,volume=V (names or 0-based indices)',
    )
    .option('--time-zone <zone>', 'zone of naive timestamps (IANA name or offset)', 'UTC')
    .addOption(
      new Option('--epoch-unit <unit>', 'unit of epoch timestamps (auto-detected)').choices(['s', 'ms', 'us', 'ns']),
    )
    .option('--date-format <pattern>', 'for ambiguous dates: DD/MM/YYYY or MM/DD/YYYY')
    .option('--max-bytes <size>', 'refuse larger files, e.g. 2GB');
  if (options.symbol !== false) command.option('--symbol <symbol>', 'symbol to record for the data');
  return command;
}
