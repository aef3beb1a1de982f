#pragma once

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QList>
#include <QString>

namespace Pop3Connector {

// A sentence kept as data rather than as text in one language: the source text and the context
// it is translated in, its arguments (themselves phrases, or plain text) and the count that
// picks a plural form. The service writes English (english()) to its log for grep and sends the
// phrase along, so that each reader shows it in their own language (translated()) whatever the
// language of the process that wrote it.
//
// Make one as tr() would be called, with the same strings (lupdate finds them through
// QT_TR_NOOP / QT_TR_N_NOOP in the class's context):
//     Phrase(staticMetaObject.className(), QT_TR_NOOP("Message %1 routed to %2.")).arg(name, to)
class Phrase
{
public:
    Phrase() = default;
    // `context` and `source` are copied. `n` >= 0 picks the plural form and fills %n.
    Phrase(const char *context, const char *source, int n = -1);
    // Any text is a phrase without a translation, so that a place that has only text from
    // elsewhere (a server's reply, a file name, an older sidecar's reason) passes it as one.
    Phrase(const QString &text) // NOLINT(google-explicit-constructor)
        : m_source(text)
    { }

    Phrase arg(const Phrase &a) const;
    Phrase arg(const Phrase &a, const Phrase &b) const;
    Phrase arg(const Phrase &a, const Phrase &b, const Phrase &c) const;
    Phrase arg(const Phrase &a, const Phrase &b, const Phrase &c, const Phrase &d) const;
    Phrase arg(qint64 a) const;

    bool isEmpty() const { return m_source.isEmpty(); }
    bool isLiteral() const { return m_context.isEmpty(); }
    QString context() const { return m_context; }
    QString source() const { return m_source; }
    QList<Phrase> args() const { return m_args; }
    int count() const { return m_n; }

    // The sentence in English, as the log file and old clients get it.
    QString english() const;
    // The sentence in the language of the translators installed now; English without them.
    QString translated() const;

    // A literal is its text; a phrase is {"context", "source", "n"?, "args"?} with each argument
    // in the same form.
    QCborValue toCbor() const;
    static Phrase fromCbor(const QCborValue &value);
    // The form the event log and the control channel use: the source without its arguments
    // (empty for a literal) and the arguments apart; `text` stands for a literal.
    QCborMap sourceToCbor() const;
    QCborArray argsToCbor() const;
    static Phrase fromParts(const QCborMap &source, const QCborArray &args, const QString &text);

    // Defined out of line: a defaulted one would ask whether QList<Phrase> compares while Phrase
    // is still incomplete, which fails when a signal carries a Phrase (its QMetaType).
    friend bool operator==(const Phrase &a, const Phrase &b);

private:
    // `englishForms`: the source's own "(s)" plural marks are resolved (no catalogue had it);
    // `englishArgs`: the arguments in English too, else in the reader's language.
    QString fill(QString text, bool englishForms, bool englishArgs) const;

    QString m_context;
    QString m_source;
    QList<Phrase> m_args;
    int m_n = -1;
};

} // namespace Pop3Connector
