#include "ctlcommand.h"

#include <QCoreApplication>

namespace {

// In the context lupdate gives these strings (CtlCommand's), so that the catalogue finds them.
QString tr(const char *text)
{
    return QCoreApplication::translate("CtlCommand", text);
}

} // namespace

std::optional<CtlCommand> CtlCommand::parse(
    const QStringList &words, bool wait, bool follow, QString *error)
{
    const auto fail = [error](const QString &text) {
        *error = text;
        return std::nullopt;
    };
    if (words.isEmpty())
        return fail(tr("name a command; see --help"));
    CtlCommand c;
    const QString verb = words.first();
    QStringList rest = words.mid(1);
    if (wait && verb != u"retrieve-now")
        return fail(tr("--wait goes with retrieve-now"));
    if (follow && verb != u"events")
        return fail(tr("--follow goes with events"));
    if (verb == u"status" || verb == u"cancel") {
        if (!rest.isEmpty())
            return fail(tr("%1 takes no arguments").arg(verb));
        c.verb = verb == u"status" ? Verb::Status : Verb::Cancel;
    } else if (verb == u"retrieve-now") {
        if (rest.size() > 1)
            return fail(tr("retrieve-now takes at most one mailbox"));
        c.verb = Verb::RetrieveNow;
        c.wait = wait;
    } else if (verb == u"delivery") {
        if (rest.size() != 1 || (rest[0] != u"stop" && rest[0] != u"start"))
            return fail(tr("delivery takes stop or start"));
        c.verb = Verb::Delivery;
        c.enable = rest[0] == u"start";
        rest.clear();
    } else if (verb == u"spool") {
        if (rest.isEmpty())
            return fail(tr("spool takes list, show, requeue, delete or export"));
        const QString action = rest.takeFirst();
        if (action == u"list" && rest.size() == 1)
            c.verb = Verb::SpoolList;
        else if (action == u"show" && rest.size() == 1)
            c.verb = Verb::SpoolShow;
        else if (action == u"requeue" && !rest.isEmpty())
            c.verb = Verb::SpoolRequeue;
        else if (action == u"delete" && !rest.isEmpty())
            c.verb = Verb::SpoolDelete;
        else if (action == u"export" && rest.size() == 2)
            c.verb = Verb::SpoolExport;
        else
            return fail(tr("usage: spool list FOLDER | spool show NAME | spool requeue NAME... | "
                           "spool delete NAME... | spool export NAME FILE"));
    } else if (verb == u"set-password") {
        if (rest.size() != 1)
            return fail(tr("set-password takes a mailbox, or delivery; the password is read from "
                           "the terminal or standard input, never from the command line"));
        c.verb = Verb::SetPassword;
    } else if (verb == u"authorize") {
        if (rest.size() != 1)
            return fail(tr("authorize takes a mailbox, or delivery"));
        c.verb = Verb::Authorize;
    } else if (verb == u"events") {
        if (!rest.isEmpty())
            return fail(tr("events takes no arguments"));
        c.verb = Verb::Events;
        c.follow = follow;
    } else if (verb == u"test") {
        if (rest.size() != 1)
            return fail(tr("test takes a mailbox"));
        c.verb = Verb::Test;
    } else if (verb == u"diagnose") {
        if (!rest.isEmpty())
            return fail(tr("diagnose takes no arguments"));
        c.verb = Verb::Diagnose;
    } else if (verb == u"track") {
        if (rest.size() > 1)
            return fail(tr("track takes one QUERY (quote one with spaces), or none with --since"));
        c.verb = Verb::Track;
    } else {
        return fail(tr("unknown command \"%1\"; see --help").arg(verb));
    }
    c.arguments = rest;
    return c;
}
