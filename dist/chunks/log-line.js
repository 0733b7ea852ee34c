// Text from input on its way to a job log or a terminal (the action's core.info, the CLI's
// stderr and ingest summary). Apart from report/escape.ts so the light ingest CLI can use it.
/**
 * One line for the job log (core.info) or a terminal, from text that came from input (a
 * scenario or card name, a path, a log's device label). The runner reads every stdout line that
 * starts with `::` (after blanks) as a workflow command (`::error::`, `::add-mask::`,
 * `::set-output`), and `##[` as the legacy form: line breaks and other control characters
 * become spaces, so nothing starts a new line, and those prefixes are percent-encoded as the
 * runner's own escaping does (`%3A`, `%5B`), so no input can issue a command.
 */
function escapeLogLine(text) {
    return text
        .replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
        .replace(/^(\s*)::/, '$1%3A%3A')
        .replace(/##\[/g, '##%5B');
}

export { escapeLogLine as e };
