using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Burgerbegroting.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EditionCurrent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CurrentSince",
                table: "Editions",
                type: "TEXT",
                nullable: true);

            // Editions that existed were all public, and residents saw the newest: it stays the current one.
            migrationBuilder.Sql("UPDATE \"Editions\" SET \"CurrentSince\" = \"CreatedAt\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CurrentSince",
                table: "Editions");
        }
    }
}
