namespace Telnyx.Sdk.Tests.Infrastructure;

/// <summary>Example values as the Telnyx documentation shows them, and response objects built from them.</summary>
public static class Samples
{
    public const string ConferenceId = "550e8400-e29b-41d4-a716-446655440000";
    public const string OtherConferenceId = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
    public const string CallControlId = "v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg";
    public const string WhisperId1 = "v2:Sg1xxxQ_U3ixxxyXT_VDNI3xxxazZdg6Vxxxs4-GNYxxxVaJPOhFMRQ";
    public const string WhisperId2 = "v2:qqpb0mmvd-ovhhBr0BUQQn0fld5jIboaaX3-De0DkqXHzbf8d75xkw";
    public const string CommandId = "891510ac-f3e4-11e8-af5b-de00688a4901";
    public const string ClientState = "aGF2ZSBhIG5pY2UgZGF5ID1d";
    public const string Timestamp = "2019-01-23T18:10:02.574Z";
    public const string ParticipantId = "dfadada7-af74-47bc-83a4-554275f55f5c";

    public const string ConferenceJson = """
        {
          "record_type": "conference",
          "id": "550e8400-e29b-41d4-a716-446655440000",
          "name": "Business",
          "created_at": "2019-01-23T18:10:02.574Z",
          "expires_at": "2019-01-23T18:10:02.574Z",
          "updated_at": "2019-01-23T18:10:02.574Z",
          "region": "sv1",
          "status": "in_progress",
          "end_reason": "all_left",
          "ended_by": {
            "call_control_id": "v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg",
            "call_session_id": "428c31b6-7af4-4bcb-b7f5-5013ef9657c1"
          },
          "connection_id": "3fa85f64-5717-4562-b3fc-2c963f66afa6"
        }
        """;

    public const string SecondConferenceJson = """
        {"record_type":"conference","id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","name":"Sales","created_at":"2019-01-23T18:10:02.574Z","expires_at":"2019-01-23T22:10:02.574Z","status":"completed"}
        """;

    /// <summary>A list item of GET /conferences/{id}/participants.</summary>
    public const string ParticipantJson = """
        {
          "record_type": "participant",
          "id": "dfadada7-af74-47bc-83a4-554275f55f5c",
          "call_leg_id": "3ca6dd3e-0c8a-4b5a-8a9f-c4e3a5d0b2f1",
          "call_control_id": "v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg",
          "conference": { "id": "550e8400-e29b-41d4-a716-446655440000", "name": "Business" },
          "whisper_call_control_ids": [
            "v2:Sg1xxxQ_U3ixxxyXT_VDNI3xxxazZdg6Vxxxs4-GNYxxxVaJPOhFMRQ",
            "v2:qqpb0mmvd-ovhhBr0BUQQn0fld5jIboaaX3-De0DkqXHzbf8d75xkw"
          ],
          "created_at": "2019-01-23T18:10:02.574Z",
          "updated_at": "2019-01-23T18:10:02.574Z",
          "end_conference_on_exit": true,
          "soft_end_conference_on_exit": false,
          "status": "joined",
          "muted": false,
          "on_hold": true
        }
        """;

    /// <summary>GET/PATCH /conferences/{id}/participants/{participant_id}.</summary>
    public const string ConferenceParticipantJson = """
        {
          "id": "dfadada7-af74-47bc-83a4-554275f55f5c",
          "call_control_id": "v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg",
          "call_leg_id": "3ca6dd3e-0c8a-4b5a-8a9f-c4e3a5d0b2f1",
          "conference_id": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
          "created_at": "2019-01-23T18:10:02.574Z",
          "updated_at": "2019-01-23T18:10:02.574Z",
          "end_conference_on_exit": false,
          "soft_end_conference_on_exit": true,
          "label": "agent-1",
          "muted": true,
          "on_hold": false,
          "status": "joined",
          "whisper_call_control_ids": [
            "v2:Sg1xxxQ_U3ixxxyXT_VDNI3xxxazZdg6Vxxxs4-GNYxxxVaJPOhFMRQ",
            "v2:qqpb0mmvd-ovhhBr0BUQQn0fld5jIboaaX3-De0DkqXHzbf8d75xkw"
          ]
        }
        """;

    public const string QueueJson = """
        {
          "record_type": "queue",
          "id": "QueueId-7a2a-4e3d-9f4e-5b1c2d3e4f50",
          "name": "support",
          "current_size": 20,
          "max_size": 200,
          "average_wait_time_secs": 175,
          "created_at": "2019-01-23T18:10:02.574Z",
          "updated_at": "2019-01-23T18:10:02.574Z"
        }
        """;

    public const string SecondQueueJson = """
        {"record_type":"queue","id":"QueueId-2","name":"tier_1_support","current_size":0,"max_size":100,"average_wait_time_secs":0,"created_at":"2019-01-23T18:10:02.574Z","updated_at":"2019-01-23T18:10:02.574Z"}
        """;

    public const string QueueCallJson = """
        {
          "record_type": "queue_call",
          "call_control_id": "v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg",
          "call_leg_id": "2dc6fc34-f9e0-11ea-b68e-02420a0f7768",
          "call_session_id": "2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768",
          "connection_id": "7267xxxxxxxxxxxxxx",
          "from": "+13125550002",
          "to": "+13125550001",
          "enqueued_at": "2019-01-23T18:10:02.574Z",
          "wait_time_secs": 145,
          "queue_position": 3,
          "queue_id": "ae1626cc-6f42-11ea-becd-02420a0f8b69",
          "is_alive": true
        }
        """;
}
