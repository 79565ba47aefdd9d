using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Burgerbegroting.Migrations.SqlServer.Migrations
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
                type: "nvarchar(max)",
                maxLength: 10000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "Themes",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ShortDescriptionEn",
                table: "Themes",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IntroductionEn",
                table: "Editions",
                type: "nvarchar(max)",
                maxLength: 10000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "Editions",
                type: "nvarchar(150)",
                maxLength: 150,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Slug",
                table: "Editions",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "",
                collation: "Latin1_General_100_BIN2");

            // Existing editions keep their results at the year they were created (a second one that year gets its id too).
            migrationBuilder.Sql("UPDATE e SET [Slug] = CONCAT(YEAR(e.[CreatedAt]), CASE WHEN EXISTS (SELECT 1 FROM [Editions] AS o WHERE o.[Id] < e.[Id] AND YEAR(o.[CreatedAt]) = YEAR(e.[CreatedAt])) THEN CONCAT('-', e.[Id]) ELSE '' END) FROM [Editions] AS e;");

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
