#include "mimeparser.h"

#include "durablefs.h"

#include <QFile>
#include <QRegularExpression>

#include <cstring>
#include <fcntl.h>
#include <gmime/gmime.h>

namespace Pop3Connector {

namespace {

// Header blocks larger than this are cut: enough for any real header, bounded memory.
constexpr qint64 kMaxHeaderBytes = 1024 * 1024;

GMimeParserOptions *parserOptions()
{
    static GMimeParserOptions *options = [] {
        g_mime_init();
        GMimeParserOptions *o = g_mime_parser_options_new();
        // Undeclared 8-bit header text from Japanese mailers is tried in these charsets.
        static const char *fallback[] = {
            "UTF-8", "ISO-2022-JP", "CP932", "EUC-JP", "ISO-8859-1", nullptr};
        g_mime_parser_options_set_fallback_charsets(o, fallback);
        g_mime_parser_options_set_rfc2047_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_address_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
        return o;
    }();
    return options;
}

template<typename T>
struct GObjectDeleter
{
    void operator()(T *p) const
    {
        if (p)
            g_object_unref(p);
    }
};
template<typename T>
using GPtr = std::unique_ptr<T, GObjectDeleter<T>>;

void collectAddresses(InternetAddressList *list, QStringList &out)
{
    if (!list)
        return;
    const int n = internet_address_list_length(list);
    for (int i = 0; i < n; ++i) {
        InternetAddress *a = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
            out.append(
                QString::fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a))));
        } else if (INTERNET_ADDRESS_IS_GROUP(a)) {
            collectAddresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)), out);
        }
    }
}

// A spool file as a GMime stream, opened as every spool file is read (never through a
// symlink); null with `error` set when it cannot be.
GMimeStream *openStream(const QString &path, QString *error)
{
    const Result<int> fd = DurableFs::openForReading(path);
    if (!fd) {
        if (error)
            *error = fd.error().message;
        return nullptr;
    }
    return g_mime_stream_fs_new(*fd); // owns the descriptor
}

QByteArray readHeaderBlock(const QString &path, qint64 offset, QString *error)
{
    const Result<int> fd = DurableFs::openForReading(path);
    if (!fd) {
        if (error)
            *error = fd.error().message;
        return {};
    }
    QFile f;
    if (!f.open(*fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle) || !f.seek(offset)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return {};
    }
    QByteArray block;
    while (block.size() < kMaxHeaderBytes) {
        const QByteArray chunk = f.read(64 * 1024);
        if (chunk.isEmpty())
            break;
        const qsizetype searchFrom = std::max<qsizetype>(0, block.size() - 3);
        block += chunk;
        qsizetype end = block.indexOf("\r\n\r\n", searchFrom);
        const qsizetype lf = block.indexOf("\n\n", searchFrom);
        if (end >= 0 || lf >= 0) {
            end = end >= 0 && (lf < 0 || end < lf) ? end + 4 : lf + 2;
            block.truncate(end);
            break;
        }
    }
    return block;
}

} // namespace

std::optional<MessageHeaders> MimeParser::parseHeaders(
    const QString &path, qint64 offset, QString *error)
{
    QString readError;
    const QByteArray block = readHeaderBlock(path, offset, &readError);
    if (!readError.isEmpty()) {
        if (error)
            *error = readError;
        return std::nullopt;
    }
    std::optional<MessageHeaders> headers = parseHeaderBlock(block, error);
    if (headers)
        headers->headerBytes = block.size();
    return headers;
}

std::optional<MessageHeaders> MimeParser::parseHeaderBlock(QByteArrayView header, QString *error)
{
    GMimeParserOptions *options = parserOptions();
    GPtr<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(header.data(), size_t(header.size())));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
    if (!message) {
        if (error)
            *error = QStringLiteral("the file does not start with a message header");
        return std::nullopt;
    }
    MessageHeaders h;
    GMimeHeaderList *headers = g_mime_object_get_header_list(GMIME_OBJECT(message.get()));
    const int count = g_mime_header_list_get_count(headers);
    if (count == 0) {
        if (error)
            *error = QStringLiteral("the message has no header fields");
        return std::nullopt;
    }
    for (int i = 0; i < count; ++i) {
        GMimeHeader *field = g_mime_header_list_get_header_at(headers, i);
        const QString name = QString::fromUtf8(g_mime_header_get_name(field)).toLower();
        const char *raw = g_mime_header_get_raw_value(field);
        if (name == u"received") {
            if (raw
                && QByteArrayView(raw).contains(
                    QByteArrayView(kTraceMark.data(), kTraceMark.size())))
                ++h.traceCount;
            continue;
        }
        if (!raw)
            continue;
        static const QStringList notAddresses = {QStringLiteral("message-id"),
            QStringLiteral("references"), QStringLiteral("in-reply-to"),
            QStringLiteral("dkim-signature"), QStringLiteral("subject")};
        // Any header may be configured as an envelope header; those naming an address are kept.
        if (std::strchr(raw, '@') && !notAddresses.contains(name) && name != u"return-path") {
            GPtr<InternetAddressList> list(internet_address_list_parse(options, raw));
            QStringList addresses;
            collectAddresses(list.get(), addresses);
            // Some ISPs write a bare address without angle brackets or with a trailing comment.
            if (addresses.isEmpty() && name.endsWith(QStringLiteral("-to"))) {
                static const QRegularExpression bare(QStringLiteral("[^\\s<>,;\"]+@[^\\s<>,;\"]+"));
                for (auto m = bare.globalMatch(QString::fromUtf8(raw)); m.hasNext();)
                    addresses.append(m.next().captured());
            }
            for (const QString &a : std::as_const(addresses))
                h.headerAddresses.append({name, a});
        } else if (name == u"return-path") {
            GPtr<InternetAddressList> list(internet_address_list_parse(options, raw));
            QStringList addresses;
            collectAddresses(list.get(), addresses);
            h.returnPath = addresses.value(0);
        }
    }
    if (const char *id = g_mime_message_get_message_id(message.get()))
        h.messageId = QString::fromUtf8(id);
    if (const char *subject = g_mime_message_get_subject(message.get()))
        h.subject = QString::fromUtf8(subject).simplified();
    if (InternetAddressList *from = g_mime_message_get_from(message.get())) {
        if (char *shown = internet_address_list_to_string(from, nullptr, FALSE)) {
            h.from = QString::fromUtf8(shown);
            g_free(shown);
        }
        QStringList addresses;
        collectAddresses(from, addresses);
        h.fromAddress = addresses.value(0);
    }
    collectAddresses(g_mime_message_get_to(message.get()), h.to);
    collectAddresses(g_mime_message_get_cc(message.get()), h.cc);
    if (GDateTime *date = g_mime_message_get_date(message.get()))
        h.date = QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(date), Qt::UTC);
    return h;
}

QString MimeParser::previewText(const QString &path, qint64 offset, int maxChars)
{
    GMimeParserOptions *options = parserOptions();
    GPtr<GMimeStream> file(openStream(path, nullptr));
    if (!file)
        return {};
    GPtr<GMimeStream> stream(g_mime_stream_substream(file.get(), offset, -1));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
    if (!message)
        return {};
    GMimeObject *body = g_mime_message_get_body(message.get());
    GMimeTextPart *text = nullptr;
    GMimeTextPart *html = nullptr;
    GMimePartIter *iter = g_mime_part_iter_new(GMIME_OBJECT(message.get()));
    if (body && GMIME_IS_TEXT_PART(body)) {
        GMimeContentType *type = g_mime_object_get_content_type(body);
        if (g_mime_content_type_is_type(type, "text", "html"))
            html = GMIME_TEXT_PART(body);
        else
            text = GMIME_TEXT_PART(body);
    }
    do {
        GMimeObject *part = g_mime_part_iter_get_current(iter);
        if (text || !part || !GMIME_IS_TEXT_PART(part))
            continue;
        if (GMimeContentDisposition *d = g_mime_object_get_content_disposition(part);
            d && g_mime_content_disposition_is_attachment(d))
            continue;
        GMimeContentType *type = g_mime_object_get_content_type(part);
        if (g_mime_content_type_is_type(type, "text", "plain"))
            text = GMIME_TEXT_PART(part);
        else if (!html && g_mime_content_type_is_type(type, "text", "html"))
            html = GMIME_TEXT_PART(part);
    } while (!text && g_mime_part_iter_next(iter));
    g_mime_part_iter_free(iter);
    GMimeTextPart *chosen = text ? text : html;
    if (!chosen)
        return {};
    char *decoded = g_mime_text_part_get_text(chosen);
    QString out = QString::fromUtf8(decoded ? decoded : "");
    g_free(decoded);
    if (!text) {
        static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
        out.replace(tags, QString());
    }
    out.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return out.left(maxChars);
}

Result<QByteArray> MimeParser::wrapAsAttachment(const QString &source, qint64 offset,
    const QString &from, const QString &to, const QString &subject, const QString &text,
    const QString &messageId)
{
    parserOptions(); // g_mime_init
    QString error;
    GPtr<GMimeStream> file(openStream(source, &error));
    if (!file)
        return Error {ErrorCode::NotFound, error};
    GPtr<GMimeStream> original(g_mime_stream_substream(file.get(), offset, -1));

    GPtr<GMimeMessage> message(g_mime_message_new(TRUE));
    g_mime_message_add_mailbox(
        message.get(), GMIME_ADDRESS_TYPE_FROM, "POP3 Connector", from.toUtf8().constData());
    g_mime_message_add_mailbox(
        message.get(), GMIME_ADDRESS_TYPE_TO, nullptr, to.toUtf8().constData());
    g_mime_message_set_subject(message.get(), subject.toUtf8().constData(), "utf-8");
    GDateTime *now = g_date_time_new_now_local();
    g_mime_message_set_date(message.get(), now);
    g_date_time_unref(now);
    g_mime_message_set_message_id(message.get(), messageId.toUtf8().constData());

    GPtr<GMimeMultipart> multipart(g_mime_multipart_new_with_subtype("mixed"));
    GPtr<GMimeTextPart> note(g_mime_text_part_new_with_subtype("plain"));
    g_mime_text_part_set_text(note.get(), text.toUtf8().constData());
    g_mime_multipart_add(multipart.get(), GMIME_OBJECT(note.get()));

    GPtr<GMimePart> attachment(g_mime_part_new_with_type("application", "octet-stream"));
    GMimeContentDisposition *disposition = g_mime_content_disposition_new();
    g_mime_content_disposition_set_disposition(disposition, GMIME_DISPOSITION_ATTACHMENT);
    g_mime_object_set_content_disposition(GMIME_OBJECT(attachment.get()), disposition);
    g_object_unref(disposition);
    g_mime_part_set_filename(attachment.get(), "original.eml");
    GPtr<GMimeDataWrapper> content(
        g_mime_data_wrapper_new_with_stream(original.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(attachment.get(), content.get());
    g_mime_part_set_content_encoding(attachment.get(), GMIME_CONTENT_ENCODING_BASE64);
    g_mime_multipart_add(multipart.get(), GMIME_OBJECT(attachment.get()));
    g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(multipart.get()));

    // In memory: the caller writes it through the durable layer like every spool file.
    GPtr<GMimeStream> out(g_mime_stream_mem_new());
    GMimeFormatOptions *format = g_mime_format_options_clone(g_mime_format_options_get_default());
    g_mime_format_options_set_newline_format(format, GMIME_NEWLINE_FORMAT_DOS);
    const ssize_t written =
        g_mime_object_write_to_stream(GMIME_OBJECT(message.get()), format, out.get());
    g_mime_format_options_free(format);
    if (written < 0)
        return Error {ErrorCode::Io, QStringLiteral("cannot read %1").arg(source)};
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
    return QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len));
}

} // namespace Pop3Connector
