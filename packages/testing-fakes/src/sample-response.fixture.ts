/**
 * The documented sample answer of `GET /inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9` (the service
 * documentation's describe sample), whitespace between tags removed: what `--jobs demo` must reproduce byte for byte.
 */
export const DOCUMENTED_DESCRIBE_SAMPLE: string =
  "<Response><RequestId>NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==</RequestId><JobsDetail><Code>Success</Code><Type>Workflow</Type><Message/><Name>demo</Name><JobId>b3deffea2f84911ec9cb15254008618d9</JobId><State>Running</State><CreationTime>2022-06-27T15:23:10+0800</CreationTime><StartTime>-</StartTime><EndTime>-</EndTime><Input><Prefix>input</Prefix></Input><Operation><TimeInterval><Start>2022-02-01T12:00:00+0800</Start><End>2022-05-01T12:00:00+0800</End></TimeInterval><WorkflowIds>w7476ff3564ee45b7b490d64bccaba6cc</WorkflowIds></Operation></JobsDetail></Response>";
