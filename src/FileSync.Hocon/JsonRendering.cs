using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FileSync.Hocon;

/// <summary>Writes a resolved tree as JSON; numbers keep the digits they were written with.</summary>
internal static class JsonRendering
{
    public static string Render(HoconObject root, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, root);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    // decimal keeps the written scale (1.0 stays 1.0); raw output is only for numbers decimal cannot hold.
    private static void WriteNumber(Utf8JsonWriter writer, string text)
    {
        if (!text.Contains('e', StringComparison.OrdinalIgnoreCase)
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            writer.WriteNumberValue(exact);
        }
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate) && double.IsFinite(approximate))
        {
            writer.WriteNumberValue(approximate);
        }
        else
        {
            writer.WriteRawValue(text);
        }
    }

    private static void Write(Utf8JsonWriter writer, HoconValue value)
    {
        switch (value)
        {
            case HoconObject obj:
                writer.WriteStartObject();
                foreach (var (key, field) in obj.Fields)
                {
                    writer.WritePropertyName(key);
                    Write(writer, field);
                }

                writer.WriteEndObject();
                break;
            case HoconArray array:
                writer.WriteStartArray();
                foreach (var item in array.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case HoconScalar { Kind: HoconScalarKind.Number } number:
                WriteNumber(writer, number.Text);
                break;
            case HoconScalar { Kind: HoconScalarKind.Boolean } boolean:
                writer.WriteBooleanValue(boolean.Text == "true");
                break;
            case HoconScalar { Kind: HoconScalarKind.Null }:
                writer.WriteNullValue();
                break;
            case HoconScalar text:
                writer.WriteStringValue(text.Text);
                break;
            default:
                throw new InvalidOperationException($"cannot render an unresolved {value.KindName} as JSON");
        }
    }
}
