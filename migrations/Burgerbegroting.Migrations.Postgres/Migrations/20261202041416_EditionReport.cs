using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Burgerbegroting.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EditionReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FiguresVersion",
                table: "Editions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_Participations_RoundId_Channel_VoterId",
                table: "Participations",
                columns: new[] { "RoundId", "Channel", "VoterId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Participations_RoundId_Channel_VoterId",
                table: "Participations");

            migrationBuilder.DropColumn(
                name: "FiguresVersion",
                table: "Editions");
        }
    }
}
