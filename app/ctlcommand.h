#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// What pop3connectorctl was asked to do: parsed from its arguments without touching anything,
// so that bad usage (exit 2) is found before a connection is made.
struct CtlCommand
{
    enum class Verb {
        Status,
        RetrieveNow,
        Cancel,
        Delivery,
        SpoolList,
        SpoolShow,
        SpoolRequeue,
        SpoolDelete,
        SpoolExport,
        SetPassword,
        Authorize,
        Events,
        Test,
        Diagnose,
        Track,
    };
    Verb verb = Verb::Status;
    QStringList arguments; // the mailbox, folder, names, file ...
    bool wait = false; // retrieve-now --wait
    bool follow = false; // events --follow
    bool enable = false; // delivery start
    bool force = false; // spool requeue: even what would fail again
    QString since; // track --since, --until: as given, checked by CtlTrack::parseTime()
    QString until;

    // `words`: the positional arguments after the options. Returns the command, or sets `error`
    // to a sentence on what is wrong.
    static std::optional<CtlCommand> parse(
        const QStringList &words, bool wait, bool follow, QString *error);
};
