#pragma once

#include "base/result.h"
#include "service/controlprotocol.h"
#include "service/controlsession.h"

#include <QHash>
#include <QString>

#include <functional>

namespace Pop3Connector::Control {

// What answers one method of the control channel: replies to `request` on `session`, at once or
// later (a session that is gone by then is never answered).
using Handler = std::function<void(Session *session, const Message &request)>;
// The handlers of a group of methods, by method name (Control::Method).
using Handlers = QHash<QString, Handler>;

// A request whose parameters are wrong: the client learns why, and the connection stays.
inline Error invalidRequest(const QString &text)
{
    return {ErrorCode::InvalidInput, text};
}

} // namespace Pop3Connector::Control
