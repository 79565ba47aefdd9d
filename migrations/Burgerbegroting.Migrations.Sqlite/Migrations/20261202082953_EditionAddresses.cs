using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Burgerbegroting.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 10000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "Themes",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ShortDescriptionEn",
                table: "Themes",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IntroductionEn",
                table: "Editions",
                type: "TEXT",
                maxLength: 10000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "Editions",
                type: "TEXT",
                maxLength: 150,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Slug",
                table: "Editions",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Existing editions keep their results at the year they were created (a second one that year gets its id too).
            migrationBuilder.Sql("UPDATE \"Editions\" SET \"Slug\" = strftime('%Y', \"CreatedAt\") || CASE WHEN EXISTS (SELECT 1 FROM \"Editions\" AS o WHERE o.\"Id\" < \"Editions\".\"Id\" AND strftime('%Y', o.\"CreatedAt\") = strftime('%Y', \"Editions\".\"CreatedAt\")) THEN '-' || \"Id\" ELSE '' END;");

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
