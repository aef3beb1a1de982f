#pragma once

namespace Pop3Connector {

// Who a line of a protocol transcript came from: the connector, the server, or a note the
// connector adds (TLS negotiated, a failure).
enum class TranscriptDirection { Client, Server, Note };

} // namespace Pop3Connector
