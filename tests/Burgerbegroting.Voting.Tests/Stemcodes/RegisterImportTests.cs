using System.Text;
using Burgerbegroting.Voting.Eligibility;
using Burgerbegroting.Voting.Stemcodes;

namespace Burgerbegroting.Voting.Tests.Stemcodes;

public sealed class RegisterImportTests
{
    private const int Year = 2026;

    private static readonly (string Name, PostcodeArea Area)[] Buurten =
    [
        ("Binnenstad", PostcodeArea.TryParse("6211", out _)!),
        ("Wyck", PostcodeArea.TryParse("6221-6224", out _)!),
        ("Wyck-Oost", PostcodeArea.TryParse("6224 AA", out _)!),
    ];

    private static RegisterImportResult Parse(string csv, bool bom = false, int maxRows = RegisterImport.MaxRows) =>
        Parse(Encoding.UTF8.GetBytes(csv), bom, maxRows);

    private static RegisterImportResult Parse(byte[] bytes, bool bom = false, int maxRows = RegisterImport.MaxRows)
    {
        using var stream = new MemoryStream(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        return RegisterImport.Parse(stream, Buurten, Year, maxRows);
    }

    private static Addressee Only(RegisterImportResult result)
    {
        Assert.Empty(result.Errors);
        Assert.Empty(result.OutsideArea);
        return Assert.Single(result.Addressees);
    }

    [Fact]
    public void Semicolon_file_gives_addressees_with_their_line_and_buurt()
    {
        var result = Parse(
            "postcode;huisnummer;toevoeging;naam;geboortejaar\n" +
            "6211 ab;12;A;J. Jansen;1980\n" +
            "6222XY;3;;;\n");

        Assert.True(result.IsClean);
        Assert.Equal(
            [
                new Addressee(2, "6211AB", "12 A", "J. Jansen", 1980, "Binnenstad"),
                new Addressee(3, "6222XY", "3", null, null, "Wyck"),
            ],
            result.Addressees);
    }

    [Fact]
    public void Comma_file_is_read_the_same_way()
    {
        var result = Parse("Postcode,Huisnummer,Naam\r\n6211AB,12,\"Jansen, J.\"\r\n");
        Assert.Equal(new Addressee(2, "6211AB", "12", "Jansen, J.", null, "Binnenstad"), Only(result));
    }

    [Fact]
    public void Semicolon_wins_when_the_header_has_both_outside_quotes()
    {
        var result = Parse("postcode;huisnummer;naam;straat, plaats\n6211AB;12;Jansen, J.;Markt 1, Maastricht\n");
        Assert.Equal("Jansen, J.", Only(result).Name);
    }

    [Fact]
    public void A_semicolon_inside_quotes_in_the_header_does_not_make_it_the_separator()
    {
        var result = Parse("\"postcode\",\"huisnummer\",\"naam; voorletters\"\n6211AB,12,\"Jansen; J.\"\n");
        Assert.Equal("6211AB", Only(result).Postcode);
    }

    [Fact]
    public void Byte_order_mark_or_not_gives_the_same_result()
    {
        const string csv = "huisnummer;postcode\n12;6211AB\n";
        Assert.Equal(Only(Parse(csv)), Only(Parse(csv, bom: true)));
    }

    [Fact]
    public void Quoted_fields_may_hold_the_separator_quotes_and_a_line_break()
    {
        var result = Parse(
            "postcode;huisnummer;naam\n" +
            "6211AB;12;\"Jansen; J. \"\"Jan\"\"\nde Boer\"\n" +
            "6211AB;14;\"Pietersen\"\n");

        Assert.Empty(result.Errors);
        Assert.Equal([2, 4], result.Addressees.Select(a => a.Line));
        Assert.Equal("Jansen; J. \"Jan\" de Boer", result.Addressees[0].Name);
    }

    [Theory]
    [InlineData("Postcode;Huisnummer")]
    [InlineData("PC;Nummer")]
    [InlineData("ZIP;Number")]
    [InlineData("postal_code;house-number")]
    [InlineData("Postal Code;House Number")]
    [InlineData("POSTCODE;HUISNUMMER;HUISLETTER;HUISNUMMERTOEVOEGING;TENAAMSTELLING;GEBOORTEJAAR")]
    [InlineData("zip;housenumber;suffix;name;birthyear")]
    [InlineData("naam;jaar;nummer;addition;pc")]
    [InlineData("Aanhef;Birth Year;Huis nummer;Huisnummer toevoeging;Post code")]
    public void Header_names_are_found_in_Dutch_or_English_in_any_case_and_order(string header)
    {
        var names = header.Split(';').Select(h => h.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)).ToList();
        var values = names.Select(n => n switch
        {
            "postcode" or "pc" or "zip" or "postalcode" => "6211AB",
            "huisnummer" or "nummer" or "number" or "housenumber" => "12",
            "huisletter" or "suffix" or "addition" or "huisnummertoevoeging" => "B",
            "geboortejaar" or "birthyear" or "jaar" => "1970",
            _ => "Jansen",
        });

        var addressee = Only(Parse(header + "\n" + string.Join(';', values) + "\n"));

        Assert.Equal("6211AB", addressee.Postcode);
        Assert.StartsWith("12", addressee.HouseNumber, StringComparison.Ordinal);
        Assert.Equal(names.Any(n => n.Contains("naam", StringComparison.Ordinal) || n is "name" or "tenaamstelling" or "aanhef") ? "Jansen" : null, addressee.Name);
        Assert.Equal(names.Any(n => n.Contains("jaar", StringComparison.Ordinal) || n == "birthyear") ? 1970 : null, addressee.BirthYear);
    }

    [Fact]
    public void Number_and_additions_are_joined_as_written_on_an_envelope()
    {
        var result = Parse(
            "postcode;huisnummer;huisletter;huisnummertoevoeging\n" +
            "6211AB;12;A;\n" +
            "6211AB;12;;-2\n" +
            "6211AB;12;A;2\n" +
            "6211AB;  14   b ;;\n" +
            "6211AB;16;;bis\n");

        Assert.Empty(result.Errors);
        Assert.Equal(["12 A", "12-2", "12 A 2", "14 b", "16 bis"], result.Addressees.Select(a => a.HouseNumber));
    }

    [Theory]
    [InlineData("12")]
    [InlineData("12a")]
    [InlineData("12 A")]
    [InlineData("12-2")]
    [InlineData("12 bis")]
    [InlineData("12/3")]
    [InlineData("99999")]
    [InlineData("1 zwart")]
    public void House_numbers_that_start_with_1_to_99999_are_accepted(string houseNumber) =>
        Assert.Equal(houseNumber, Only(Parse($"postcode;huisnummer\n6211AB;{houseNumber}\n")).HouseNumber);

    [Theory]
    [InlineData("A12")]
    [InlineData("0")]
    [InlineData("012")]
    [InlineData("100000")]
    [InlineData("12 (achter)")]
    [InlineData("12 a very long addition")]
    public void House_numbers_that_are_not_are_refused_with_the_text(string houseNumber)
    {
        var error = Assert.Single(Parse($"postcode;huisnummer\n6211AB;{houseNumber}\n").Errors);
        Assert.Equal(new RegisterError(2, RegisterProblem.BadHouseNumber, houseNumber), error);
    }

    [Fact]
    public void Every_problem_is_reported_with_its_line_and_the_rest_of_the_file_still_read()
    {
        var longName = new string('x', 201);
        var result = Parse(
            "postcode;huisnummer;toevoeging;naam;geboortejaar\n" + // 1
            "6211AB;1;;Anna;1980\n" +                              // 2 fine
            "62111;2;;Bert;\n" +                                   // 3
            "6211AB;;;Cor;\n" +                                    // 4
            "6211AB;;A;Cor;\n" +                                   // 5
            "6211AB;A12;;Dirk;\n" +                                // 6
            $"6211AB;3;;{longName};\n" +                           // 7
            "6211AB;4;;Els;1895\n" +                               // 8 (2026 - 130 = 1896)
            "6211AB;5;;Fien;2027\n" +                              // 9
            "6211AB;6;;Gijs;negentig\n" +                          // 10
            "6211 ab;1;;ANNA;1980\n" +                             // 11 same as line 2
            "6211AB;7;;\"Hans\"x;\n" +                             // 12 text after the closing quote
            "6211AB\n" +                                           // 13 too few fields
            "\n" +                                                 // 14 blank
            "1012AB;8;;Ina;\n" +                                   // 15 outside the area
            "x;;;Joop;3000\n" +                                    // 16 three problems at once
            "6211AB;1;;Anna;1981\n");                              // 17 another birth year: not a duplicate

        Assert.Equal(
            [
                new RegisterError(3, RegisterProblem.BadPostcode, "62111"),
                new RegisterError(4, RegisterProblem.NoHouseNumber, ""),
                new RegisterError(5, RegisterProblem.NoHouseNumber, "A"),
                new RegisterError(6, RegisterProblem.BadHouseNumber, "A12"),
                new RegisterError(7, RegisterProblem.NameTooLong, new string('x', 59) + "…"),
                new RegisterError(8, RegisterProblem.BadBirthYear, "1895"),
                new RegisterError(9, RegisterProblem.BadBirthYear, "2027"),
                new RegisterError(10, RegisterProblem.BadBirthYear, "negentig"),
                new RegisterError(11, RegisterProblem.Duplicate, "2"),
                new RegisterError(12, RegisterProblem.UnreadableRow, "6211AB;7;;\"Hans\"x;"),
                new RegisterError(13, RegisterProblem.UnreadableRow, "6211AB"),
                new RegisterError(16, RegisterProblem.BadPostcode, "x"),
                new RegisterError(16, RegisterProblem.NoHouseNumber, ""),
                new RegisterError(16, RegisterProblem.BadBirthYear, "3000"),
            ],
            result.Errors);
        Assert.Equal([new RegisterError(15, RegisterProblem.OutsideArea, "1012 AB")], result.OutsideArea);
        Assert.Equal([2, 17], result.Addressees.Select(a => a.Line));
        Assert.False(result.IsClean);
    }

    [Fact]
    public void A_quote_that_is_never_closed_makes_the_rest_of_the_file_one_unreadable_row()
    {
        var result = Parse("postcode;huisnummer;naam\n6211AB;1;Anna\n6211AB;2;\"Bert\n6211AB;3;Cor\n6211AB;4;Dirk\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, RegisterProblem.UnreadableRow), (error.Line, error.Problem));
        Assert.Equal("6211AB;2;\"Bert 6211AB;3;Cor 6211AB;4;Dirk", error.Value);
        Assert.Equal([2], result.Addressees.Select(a => a.Line));
    }

    [Fact]
    public void A_birth_year_130_years_back_and_this_year_are_both_accepted()
    {
        var result = Parse("postcode;huisnummer;geboortejaar\n6211AB;1;1896\n6211AB;2;2026\n6211AB;3; \n");
        Assert.Equal([1896, 2026, null], result.Addressees.Select(a => a.BirthYear));
    }

    [Fact]
    public void Missing_address_columns_are_one_error_on_the_header()
    {
        var result = Parse("naam;straat;huisnummer\nJansen;Markt;12\n");
        Assert.Equal([new RegisterError(1, RegisterProblem.MissingColumns, "naam;straat;huisnummer")], result.Errors);
        Assert.Empty(result.Addressees);
    }

    [Fact]
    public void Blank_lines_before_the_header_count_in_the_line_numbers()
    {
        var missing = Parse("\n\r\nnaam;straat\n");
        Assert.Equal(3, Assert.Single(missing.Errors).Line);

        var found = Parse("\n\npostcode;huisnummer\n\n6211AB;1\n");
        Assert.Equal(5, Only(found).Line);
    }

    [Fact]
    public void An_empty_file_has_no_header()
    {
        var result = Parse("");
        Assert.Equal([new RegisterError(1, RegisterProblem.MissingColumns, "")], result.Errors);
    }

    [Fact]
    public void A_header_without_rows_is_no_rows_where_the_first_row_should_be()
    {
        Assert.Equal([new RegisterError(2, RegisterProblem.NoRows, "")], Parse("postcode;huisnummer\r\n").Errors);
        Assert.Equal([new RegisterError(2, RegisterProblem.NoRows, "")], Parse("postcode;huisnummer\n\n;;\n  ;  \n").Errors);
    }

    [Fact]
    public void Rows_past_the_maximum_stop_the_import_at_the_first_one_too_many()
    {
        var result = Parse("postcode;huisnummer\n6211AB;1\n6211AB;2\n\n6211AB;3\n6211AB;4\n6211AB;5\n", maxRows: 3);
        Assert.Equal([new RegisterError(6, RegisterProblem.TooManyRows, "3")], result.Errors);
        Assert.Equal(3, result.Addressees.Count);
    }

    [Fact]
    public void Windows_1252_text_from_Excel_is_refused_at_its_line_not_mangled()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var windows1252 = Encoding.GetEncoding(1252);
        var bytes = windows1252.GetBytes(
            "postcode;huisnummer;naam\r\n" +
            "6211AB;1;Jansen\r\n" +
            "6211AB;2;Geneviève Dupont\r\n" +
            "6211AB;3;\"Zoë\r\nvan Dijk\"\r\n" +
            "6211AB;4;\"Anna\r\nCœur\"\r\n");

        var result = Parse(bytes);

        Assert.Equal([2], result.Addressees.Select(a => a.Line));
        Assert.Equal([3, 4, 7], result.Errors.Select(e => e.Line));
        Assert.All(result.Errors, e => Assert.Equal(RegisterProblem.NotUtf8, e.Problem));
        Assert.Equal("6211AB;2;Genevi\uFFFDve Dupont", result.Errors[0].Value);
        Assert.Equal("C\uFFFDur\"", result.Errors[2].Value);
    }

    [Fact]
    public void A_header_that_is_not_UTF8_is_reported_and_the_rows_still_read()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes("postcode;huisnummer;straße\n6211AB;1;Markt\n");
        var result = Parse(bytes);
        Assert.Equal(RegisterProblem.NotUtf8, Assert.Single(result.Errors).Problem);
        Assert.Equal(1, result.Errors[0].Line);
        Assert.Single(result.Addressees);
    }

    [Fact]
    public void UTF8_names_with_accents_are_kept()
    {
        var addressee = Only(Parse("postcode;huisnummer;naam\n6211AB;2;Geneviève Çelik-Øberg\n", bom: true));
        Assert.Equal("Geneviève Çelik-Øberg", addressee.Name);
    }

    [Fact]
    public void A_postcode_in_no_buurt_goes_to_outside_area_not_to_errors()
    {
        var result = Parse("postcode;huisnummer\n1012AB;1\n6224AA;2\n6225AA;3\n");
        Assert.Empty(result.Errors);
        Assert.Equal(
            [new RegisterError(2, RegisterProblem.OutsideArea, "1012 AB"), new RegisterError(4, RegisterProblem.OutsideArea, "6225 AA")],
            result.OutsideArea);
        Assert.Equal("Wyck", Assert.Single(result.Addressees).Buurt);
        Assert.False(result.IsClean);
    }

    [Fact]
    public void Long_lists_stop_at_a_thousand_and_count_the_rest()
    {
        var csv = new StringBuilder("postcode;huisnummer\n");
        for (var i = 0; i < 1500; i++)
        {
            csv.Append("1012AB;").Append(i + 1).Append('\n').Append("bad;1\n");
        }

        var result = Parse(csv.ToString());

        Assert.Equal(RegisterImport.MaxReported, result.Errors.Count);
        Assert.Equal(1500, result.ErrorCount);
        Assert.Equal(RegisterImport.MaxReported, result.OutsideArea.Count);
        Assert.Equal(1500, result.OutsideAreaCount);
        Assert.Equal(2001, result.Errors[^1].Line);
    }

    [Fact]
    public void A_municipal_extract_of_150000_rows_is_read_whole()
    {
        const int rows = 150_000;
        int[] areas = [6211, 6221, 6222, 6223, 6224];
        using var file = new MemoryStream();
        using (var writer = new StreamWriter(file, new UTF8Encoding(true), leaveOpen: true))
        {
            writer.Write("Postcode;Huisnummer;Huisletter;Huisnummertoevoeging;Naam;Geboortejaar\r\n");
            for (var i = 0; i < rows; i++)
            {
                // Letters A–R then B–Y: never SA, SD or SS, which are no postcodes.
                var postcode = $"{areas[i % 5]} {(char)('A' + (i / 5 % 18))}{(char)('B' + (i / 90 % 24))}";
                writer.Write($"{postcode};{(i % 400) + 1};{(i % 3 == 0 ? "A" : "")};{(i % 7 == 0 ? "2" : "")};\"Bewoner {i}; de Vries\";{1930 + (i % 90)}\r\n");
            }
        }

        file.Position = 0;
        var result = RegisterImport.Parse(file, Buurten, Year);

        Assert.True(result.IsClean);
        Assert.Equal(rows, result.Addressees.Count);
        Assert.Equal(new Addressee(2, "6211AB", "1 A 2", "Bewoner 0; de Vries", 1930, "Binnenstad"), result.Addressees[0]);
        Assert.Equal(rows + 1, result.Addressees[^1].Line);
        Assert.Equal(rows / 5, result.Addressees.Count(a => a.Buurt == "Binnenstad"));
    }
}
