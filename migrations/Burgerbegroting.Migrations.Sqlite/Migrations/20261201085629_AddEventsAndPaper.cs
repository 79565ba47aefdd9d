using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Burgerbegroting.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddEventsAndPaper : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "Ballots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "VotingEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VotingEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VotingEvents_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VotingEvents_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EventCheckIns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    VotingCodeId = table.Column<long>(type: "INTEGER", nullable: true),
                    AttendeeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AttendeePostcode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventCheckIns_VotingCodes_VotingCodeId",
                        column: x => x.VotingCodeId,
                        principalTable: "VotingCodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EventCheckIns_VotingEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "VotingEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperSheets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Marks = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    InvalidReason = table.Column<int>(type: "INTEGER", nullable: true),
                    BallotVoterId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperSheets_VotingEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "VotingEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SheetEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SheetId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    TypistId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TypistName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Marks = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SheetEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SheetEntries_PaperSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "PaperSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventCheckIns_EventId",
                table: "EventCheckIns",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_EventCheckIns_RoundId_VotingCodeId",
                table: "EventCheckIns",
                columns: new[] { "RoundId", "VotingCodeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventCheckIns_VotingCodeId",
                table: "EventCheckIns",
                column: "VotingCodeId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperSheets_EventId_Number",
                table: "PaperSheets",
                columns: new[] { "EventId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperSheets_RoundId_Status",
                table: "PaperSheets",
                columns: new[] { "RoundId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SheetEntries_SheetId_Position",
                table: "SheetEntries",
                columns: new[] { "SheetId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SheetEntries_SheetId_TypistId",
                table: "SheetEntries",
                columns: new[] { "SheetId", "TypistId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VotingEvents_EditionId",
                table: "VotingEvents",
                column: "EditionId");

            migrationBuilder.CreateIndex(
                name: "IX_VotingEvents_RoundId",
                table: "VotingEvents",
                column: "RoundId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventCheckIns");

            migrationBuilder.DropTable(
                name: "SheetEntries");

            migrationBuilder.DropTable(
                name: "PaperSheets");

            migrationBuilder.DropTable(
                name: "VotingEvents");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Ballots");
        }
    }
}
