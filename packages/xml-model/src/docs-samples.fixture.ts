// Samples written from the batch-job pages' examples (their two typos fixed: an unclosed `<RequestId>` and a
// `<Type>` closed by `</Name>`), and the Go SDK's create-test body, byte for byte.

/** The describe page's response: one workflow job, `-` start and end times, `<Message/>`. */
export const DESCRIBE_SAMPLE = `<Response>
    <RequestId>NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==</RequestId>
    <JobsDetail>
        <Code>Success</Code>
        <Type>Workflow</Type>
        <Message/>
        <Name>demo</Name>
        <JobId>b3deffea2f84911ec9cb15254008618d9</JobId>
        <State>Running</State>
        <CreationTime>2022-06-27T15:23:10+0800</CreationTime>
        <StartTime>-</StartTime>
        <EndTime>-</EndTime>
        <Input>
            <Prefix>input</Prefix>
        </Input>
        <Operation>
            <TimeInterval>
                <Start>2022-02-01T12:00:00+0800</Start>
                <End>2022-05-01T12:00:00+0800</End>
            </TimeInterval>
            <WorkflowIds>w7476ff3564ee45b7b490d64bccaba6cc</WorkflowIds>  
        </Operation>
    </JobsDetail>
</Response>`;

/** The list page's response: a workflow job and an independent-node job, and a `NextToken`. */
export const LIST_SAMPLE = `<Response>
    <RequestId>NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==</RequestId>
    <JobsDetail>
        <Code>Success</Code>
        <Type>Workflow</Type>
        <Message/>
        <Name>demo</Name>
        <JobId>b3deffea2f84911ec9cb15254008618d9</JobId>
        <State>Running</State>
        <CreationTime>2022-06-27T15:23:10+0800</CreationTime>
        <StartTime>-</StartTime>
        <EndTime>-</EndTime>
        <Input>
            <Prefix>input</Prefix>
        </Input>
        <Operation>
            <TimeInterval>
                <Start>2022-02-01T12:00:00+0800</Start>
                <End>2022-05-01T12:00:00+0800</End>
            </TimeInterval>
            <WorkflowIds>w7476ff3564ee45b7b490d64bccaba6cc</WorkflowIds>  
        </Operation>
    </JobsDetail>
    <JobsDetail>
        <Code>Success</Code>
        <Type>Job</Type>
        <Message/>
        <Name>demo</Name>
        <JobId>be8f65004eb8511eaaed4f377124a303c</JobId>
        <State>Running</State>
        <CreationTime>2022-06-27T15:23:10+0800</CreationTime>
        <StartTime>2022-06-27T15:23:11+0800</StartTime>    
        <EndTime>2022-06-27T15:25:10+0800</EndTime>
        <Input>
            <Prefix>input</Prefix>
        </Input>
        <Operation>
            <TimeInterval>
                <Start>2022-02-01T12:00:00+0800</Start>
                <End>2022-05-01T12:00:00+0800</End>
            </TimeInterval>
            <QueueId>p893bcda225bf4945a378da6662e81a89</QueueId>
            <UserData>this is my inventorytriggerjob</UserData>
            <CallBack>https://www.callback.com</CallBack>
            <JobParam>
                <TemplateId>t1460606b9752148c4ab182f55163ba7cd</TemplateId>
            </JobParam>
            <Output>
                <Region>ap-chongqing</Region>
                <Bucket>test-1234567890</Bucket>
                <Object>output/\${InventoryTriggerJobId}/out.mp4</Object>
            </Output>
            <JobLevel>0</JobLevel>
        </Operation>
    </JobsDetail>
    <NextToken>25</NextToken>
</Response>`;

/** The list page's outline of a response: placeholders, not a job. */
export const LIST_OUTLINE = `<Response>
    <RequestId></RequestId>
    <JobsDetail>
    ...
    </JobsDetail>
    <NextToken></NextToken>
</Response>`;

/** The workflow create page's request. */
export const WORKFLOW_REQUEST_SAMPLE = `<Request>
    <Name>demo</Name>
    <Type>Workflow</Type>
    <Input>
        <Prefix>input</Prefix>
    </Input>
    <Operation>
        <TimeInterval>
            <Start>2022-02-01T12:00:00+0800</Start>
            <End>2022-05-01T12:00:00+0800</End>
        </TimeInterval>
        <WorkflowIds>w7476ff3564ee45b7b490d64bccaba6cc</WorkflowIds>  
    </Operation>
</Request>`;

/** The body the Go SDK's create test expects, byte for byte (its field order; `JobLevel` 1). */
export const GO_JOB_REQUEST_BODY =
  "<Request><Name>demo</Name><Type>Job</Type><Input><Prefix>input</Prefix></Input><Operation><TimeInterval>" +
  "<Start>2022-02-01T12:00:00+0800</Start><End>2022-05-01T12:00:00+0800</End></TimeInterval>" +
  "<QueueId>p893bcda225bf4945a378da6662e81a89</QueueId><UserData>this is my inventorytriggerjob</UserData>" +
  "<JobLevel>1</JobLevel><CallBack>https://www.callback.com</CallBack><Tag>Transcode</Tag><JobParam>" +
  "<TemplateId>t1460606b9752148c4ab182f55163ba7cd</TemplateId></JobParam><Output><Region>ap-chongqing</Region>" +
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the service's own placeholder, sent as is.
  "<Bucket>test-1234567890</Bucket><Object>output/${InventoryTriggerJobId}/out.mp4</Object></Output></Operation></Request>";

/** An `<Error>` body as the service sends one, with its XML declaration. */
export const ERROR_SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<Error>
    <Code>InvalidArgument</Code>
    <Message>invalid Name</Message>
    <RequestId>NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==</RequestId>
    <TraceId>OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OWE4OGMxZjNjY2JiNTBmMTVmMWY1MzAzYzkyZGQ2ZWM4</TraceId>
</Error>`;
