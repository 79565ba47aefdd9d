using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Burgerbegroting.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EditionAddresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodyEn",
                table: "Themes",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "Themes",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ShortDescriptionEn",
                table: "Themes",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IntroductionEn",
                table: "Editions",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "Editions",
                type: "character varying(150)",
                maxLength: 150,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Slug",
                table: "Editions",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Existing editions keep their results at the year they were created (a second one that year gets its id too).
            migrationBuilder.Sql("UPDATE \"Editions\" AS e SET \"Slug\" = to_char(e.\"CreatedAt\", 'YYYY') || CASE WHEN EXISTS (SELECT 1 FROM \"Editions\" AS o WHERE o.\"Id\" < e.\"Id\" AND date_part('year', o.\"CreatedAt\") = date_part('year', e.\"CreatedAt\")) THEN '-' || e.\"Id\" ELSE '' END;");

            migrationBuilder.CreateIndex(
                name: "IX_Editions_Slug",
                table: "Editions",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Editions_Slug",
                table: "Editions");

            migrationBuilder.DropColumn(
                name: "BodyEn",
                table: "Themes");

            migrationBuilder.DropColumn(
                name: "NameEn",
                table: "Themes");

            migrationBuilder.DropColumn(
                name: "ShortDescriptionEn",
                table: "Themes");

            migrationBuilder.DropColumn(
                name: "IntroductionEn",
                table: "Editions");

            migrationBuilder.DropColumn(
                name: "NameEn",
                table: "Editions");

            migrationBuilder.DropColumn(
                name: "Slug",
                table: "Editions");
        }
    }
}
